import type { Metadata } from "next";
import { ImportGuide } from "@/features/admin/import-guide";
import { ImportForm } from "@/features/admin/import-form";
import { requireAdminPage } from "@/server/admin/access";

export const metadata: Metadata = { title: "Import your organisation" };

export default async function ImportPage() {
  await requireAdminPage("org:manage");
  await requireAdminPage("people:manage");
  return (
    <div className="space-y-8">
      <ImportGuide />
      <ImportForm />
    </div>
  );
}

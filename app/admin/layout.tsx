import type { ReactNode } from "react";
import { AdminNav } from "@/features/admin/admin-nav";
import { requireAdminPage } from "@/server/admin/access";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}

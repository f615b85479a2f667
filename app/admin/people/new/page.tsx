import type { Metadata } from "next";
import Link from "next/link";
import { CreatePersonForm } from "@/features/admin/create-person-form";
import { requireAdminPage } from "@/server/admin/access";
import { listRoleScopeOptions } from "@/server/admin/people-queries";

export const metadata: Metadata = { title: "Add a person" };

export default async function NewPersonPage() {
  const actor = await requireAdminPage("people:manage");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/people" className="text-blue-800 underline underline-offset-4">
            People
          </Link>
        </p>
        <h1 className="text-3xl font-bold">Add a person</h1>
      </div>
      <CreatePersonForm options={await listRoleScopeOptions(actor)} />
    </div>
  );
}

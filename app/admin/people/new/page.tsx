import type { Metadata } from "next";
import { CreatePersonForm } from "@/features/admin/create-person-form";
import { requireAdminPage } from "@/server/admin/access";
import { listRoleScopeOptions } from "@/server/admin/people-queries";
import { PageHeader } from "@/ui/page-header";
import { BackLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Add a person" };

export default async function NewPersonPage() {
  const actor = await requireAdminPage("people:manage");
  return (
    <div className="space-y-6">
      <PageHeader title="Add a person">
        <BackLink href="/admin/people">People</BackLink>
      </PageHeader>
      <CreatePersonForm options={await listRoleScopeOptions(actor)} />
    </div>
  );
}

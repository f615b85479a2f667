import type { Metadata } from "next";
import { PersonDetail } from "@/features/admin/person-detail";
import { requireAdminPage } from "@/server/admin/access";
import { orNotFound } from "@/server/errors";
import { getPersonForAdmin, listRoleScopeOptions } from "@/server/admin/people-queries";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const actor = await requireAdminPage("people:manage");
  const { id } = await params;
  const [person, options] = await Promise.all([
    orNotFound(getPersonForAdmin(actor, id)),
    listRoleScopeOptions(actor),
  ]);
  return (
    <PersonDetail person={person} options={options} justCreated={(await searchParams).created === "1"} />
  );
}

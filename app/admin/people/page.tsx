import type { Metadata } from "next";
import { PeopleList } from "@/features/admin/people-list";
import { firstValues, peopleFilterSchema } from "@/contracts/admin/schemas";
import { requireAdminPage } from "@/server/admin/access";
import { listPeople } from "@/server/admin/people-queries";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireAdminPage("people:manage");
  const filter = peopleFilterSchema.parse(firstValues(await searchParams));
  return <PeopleList result={await listPeople(actor, filter)} filter={filter} />;
}

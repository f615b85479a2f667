import { NoRolePage } from "@/features/auth/no-role-page";
import { OverviewPage } from "@/features/overview/overview-page";
import { redirect } from "next/navigation";
import { hasAnyPerson } from "@/server/auth/queries";
import { requireActor } from "@/server/auth/session";
import { getOrganisationOverview } from "@/server/overview/queries";
import { listMyTeams } from "@/server/assessments/queries";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  if (!(await hasAnyPerson())) redirect("/setup");
  const actor = await requireActor();
  if (actor.grants.length === 0) return <NoRolePage name={actor.name} email={actor.email} />;
  const [overview, myTeams] = await Promise.all([getOrganisationOverview(actor), listMyTeams(actor)]);
  return <OverviewPage overview={overview} myTeams={myTeams} />;
}

import type { Metadata } from "next";
import { MyTeamsPage } from "@/features/assessments/my-teams-page";
import { listMyTeams } from "@/server/assessments/queries";
import { requireActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "My teams" };

export default async function MyTeamsRoute() {
  const actor = await requireActor();
  return <MyTeamsPage teams={await listMyTeams(actor)} />;
}

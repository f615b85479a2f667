import type { Metadata } from "next";
import { TeamPlanPage } from "@/features/plans/team-plan-page";
import { loadTeamPlanPage } from "@/server/plans/pages";

export const metadata: Metadata = { title: "Remediation plan" };

export default async function TeamPlanRoute({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <TeamPlanPage plan={await loadTeamPlanPage(slug)} />;
}

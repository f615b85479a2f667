import type { Metadata } from "next";
import { teamPageTitle } from "@/server/assessments/page-titles";
import { TeamPlanPage } from "@/features/plans/team-plan-page";
import { loadTeamPlanPage } from "@/server/plans/pages";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: await teamPageTitle((await params).slug, "Remediation plan") };
}

export default async function TeamPlanRoute({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <TeamPlanPage plan={await loadTeamPlanPage(slug)} />;
}

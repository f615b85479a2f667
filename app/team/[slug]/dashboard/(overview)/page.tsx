import type { Metadata } from "next";
import { teamPageTitle } from "@/server/assessments/page-titles";
import { TeamDashboardPage } from "@/features/dashboards/team-dashboard-page";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/errors";
import { getTeamDashboard } from "@/server/dashboards/team-dashboard";

export const dynamic = "force-dynamic";
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: await teamPageTitle((await params).slug, "Team dashboard") };
}

interface TeamDashboardRouteProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function TeamDashboardRoute({ params, searchParams }: TeamDashboardRouteProps) {
  const actor = await requireActor();
  const { slug } = await params;
  const query = await searchParams;
  return <TeamDashboardPage view={await orNotFound(getTeamDashboard(actor, slug, query))} />;
}

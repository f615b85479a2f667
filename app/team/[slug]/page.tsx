import type { Metadata } from "next";
import { teamPageTitle } from "@/server/assessments/page-titles";
import { TeamPage } from "@/features/assessments/team-page";
import { orNotFound } from "@/server/errors";
import { getTeamOverview } from "@/server/assessments/queries";
import { requireActor } from "@/server/auth/session";
import { getPulseCard } from "@/server/pulse/queries";

interface TeamRouteProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: await teamPageTitle((await params).slug, "Team") };
}

export default async function TeamRoute({ params }: TeamRouteProps) {
  const actor = await requireActor();
  const slug = (await params).slug;
  const [overview, pulse] = await orNotFound(
    Promise.all([getTeamOverview(actor, slug), getPulseCard(actor, slug)]),
  );
  const belongs = actor.leadTeamIds.has(overview.team.id) || actor.memberTeamIds.has(overview.team.id);
  return <TeamPage overview={overview} showMyTeamsCrumb={belongs} pulse={pulse} />;
}

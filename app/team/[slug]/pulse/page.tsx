import type { Metadata } from "next";
import { PulsePage } from "@/features/pulse/pulse-page";
import { teamPageTitle } from "@/server/assessments/page-titles";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/errors";
import { getPulsePage } from "@/server/pulse/queries";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: await teamPageTitle((await params).slug, "Anonymous pulse") };
}

export default async function PulseRoute({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireActor();
  const state = await orNotFound(getPulsePage(actor, (await params).slug));
  const teamId = state.team.id;
  const belongs = actor.leadTeamIds.has(teamId) || actor.memberTeamIds.has(teamId);
  return <PulsePage state={state} showMyTeamsCrumb={belongs} />;
}

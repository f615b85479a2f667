import type { Metadata } from "next";
import { teamPageTitle } from "@/server/assessments/page-titles";
import { TeamSpreadPage } from "@/features/responses/team-spread-page";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/errors";
import { getTeamSpread } from "@/server/responses/queries";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: await teamPageTitle((await params).slug, "How the team answered") };
}

export default async function TeamSpreadRoute({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireActor();
  const { slug } = await params;
  return <TeamSpreadPage view={await orNotFound(getTeamSpread(actor, slug))} />;
}

import type { Metadata } from "next";
import { teamPageTitle } from "@/server/assessments/page-titles";
import { PitfallExplanationPage } from "@/features/dashboards/pitfall-explanation-page";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/errors";
import { getPitfallExplanation } from "@/server/dashboards/team-dashboard";

export const dynamic = "force-dynamic";
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: await teamPageTitle((await params).slug, "Why this score") };
}

interface PitfallExplanationRouteProps {
  params: Promise<{ slug: string; pitfallId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PitfallExplanationRoute({
  params,
  searchParams,
}: PitfallExplanationRouteProps) {
  const actor = await requireActor();
  const { slug, pitfallId } = await params;
  const query = await searchParams;
  return (
    <PitfallExplanationPage view={await orNotFound(getPitfallExplanation(actor, slug, pitfallId, query))} />
  );
}

import type { Metadata } from "next";
import { resultPageTitle } from "@/server/assessments/page-titles";
import { ResultPage } from "@/features/assessments/result-page";
import { orNotFound } from "@/server/errors";
import { getAssessmentResult } from "@/server/assessments/queries";
import { getAnsweredPulse } from "@/server/pulse/queries";
import { requireActor } from "@/server/auth/session";

interface ResultRouteProps {
  params: Promise<{ slug: string; cycle: string }>;
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string; cycle: string }>;
}): Promise<Metadata> {
  const { slug, cycle } = await params;
  return { title: await resultPageTitle(slug, cycle) };
}

export default async function ResultRoute({ params }: ResultRouteProps) {
  const actor = await requireActor();
  const { slug, cycle } = await params;
  const result = await orNotFound(getAssessmentResult(actor, slug, cycle));
  return <ResultPage result={result} pulse={await getAnsweredPulse(actor, slug, result.cycle.id)} />;
}

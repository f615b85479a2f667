import type { Metadata } from "next";
import { ResultPage } from "@/features/assessments/result-page";
import { orNotFound } from "@/server/errors";
import { getAssessmentResult } from "@/server/assessments/queries";
import { requireActor } from "@/server/auth/session";

interface ResultRouteProps {
  params: Promise<{ slug: string; cycle: string }>;
}

export const metadata: Metadata = { title: "Assessment result" };

export default async function ResultRoute({ params }: ResultRouteProps) {
  const actor = await requireActor();
  const { slug, cycle } = await params;
  return <ResultPage result={await orNotFound(getAssessmentResult(actor, slug, cycle))} />;
}

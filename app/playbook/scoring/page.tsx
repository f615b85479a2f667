import type { Metadata } from "next";
import { getContent } from "@/domain/content";
import { loadScoringDocument } from "@/features/playbook/load-scoring-document";
import { ScoringDocument, scoringDocumentTitle } from "@/features/playbook/scoring-document";

/** Rendered at build time from docs/scoring.md, so the page always matches the shipped method. */
export const dynamic = "force-static";

export async function generateMetadata(): Promise<Metadata> {
  return { title: scoringDocumentTitle(await loadScoringDocument()) };
}

export default async function ScoringMethodPage() {
  return <ScoringDocument markdown={await loadScoringDocument()} source={getContent().source} />;
}

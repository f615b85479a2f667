import type { Metadata } from "next";
import { getContent } from "@/domain/content";
import { loadScoringDocument } from "@/features/playbook/load-scoring-document";
import { ScoringDocument, scoringDocumentTitle } from "@/features/playbook/scoring-document";

/** Rendered from docs/scoring.md as shipped, so the page always matches the method in use. */
export async function generateMetadata(): Promise<Metadata> {
  return { title: scoringDocumentTitle(await loadScoringDocument()) };
}

export default async function ScoringMethodPage() {
  return <ScoringDocument markdown={await loadScoringDocument()} source={getContent().source} />;
}

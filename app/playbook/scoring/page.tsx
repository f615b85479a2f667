import type { Metadata } from "next";
import { getContent } from "@/domain/content";
import { loadScoringDocument } from "@/features/playbook/load-scoring-document";
import { ScoringDocument, scoringDocumentTitle } from "@/features/playbook/scoring-document";

/** Rendered from docs/scoring.md as shipped, so the page always matches the method in use. */
export function generateMetadata(): Metadata {
  return { title: scoringDocumentTitle(loadScoringDocument()) };
}

export default function ScoringMethodPage() {
  return <ScoringDocument document={loadScoringDocument()} source={getContent().source} />;
}

import type { PitfallId } from "../../../src/domain/content/schema";
import type { AssessmentScore, PitfallScore } from "../../../src/domain/scoring";

export function pitfallOf(result: AssessmentScore, pitfallId: PitfallId): PitfallScore {
  const pitfall = result.pitfalls.find((candidate) => candidate.pitfallId === pitfallId);
  if (!pitfall) throw new Error(`no result for ${pitfallId}`);
  return pitfall;
}

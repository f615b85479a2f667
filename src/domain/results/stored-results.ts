/**
 * What is stored with a submitted assessment: one row per pitfall plus an overall figure, so
 * dashboards read stored results instead of re-scoring thousands of assessments per page view.
 */
import { bandForScore, type RiskBand } from "../scoring/bands";
import type { AssessmentScore, PitfallScore } from "../scoring/types";

export interface StoredPitfallResult {
  pitfallId: string;
  status: PitfallScore["status"];
  score: number | null;
  band: RiskBand | null;
  confidence: number;
  /** Whether anything was found for the pitfall (see `hasEvidence`): the headline names only these. */
  evidenceFound: boolean;
  /** JSON of the explanation: triggered symptoms and causes, contributions, countermeasures. */
  detail: string;
}

export function toStoredPitfallResults(score: AssessmentScore): StoredPitfallResult[] {
  return score.pitfalls.map((pitfall) => ({
    pitfallId: pitfall.pitfallId,
    status: pitfall.status,
    score: pitfall.score,
    band: pitfall.band,
    confidence: pitfall.confidence,
    evidenceFound: hasEvidence(pitfall),
    detail: JSON.stringify({
      methodVersion: score.methodVersion,
      averageScore: pitfall.averageScore,
      dontKnowOnly: pitfall.dontKnowOnly,
      findings: pitfall.findings,
      contradictions: pitfall.contradictions,
      evidence: pitfall.evidence,
      contributions: pitfall.contributions,
      triggeredSymptoms: pitfall.triggeredSymptoms,
      triggeredCauses: pitfall.triggeredCauses,
      contextRules: pitfall.contextRules,
      countermeasures: pitfall.countermeasures,
    }),
  }));
}

/**
 * Whether anything was found for a pitfall: a symptom or cause triggered, a high-risk finding that
 * holds, a context rule that fired, or a next step offered. A pitfall whose score comes only from
 * healthy-side or middle answers has none of these (since method 5 such answers give no countermeasure
 * points), however far they lift its score; nor has a pitfall in band None or not scored.
 */
export function hasEvidence(
  pitfall: Pick<
    PitfallScore,
    | "score"
    | "band"
    | "triggeredSymptoms"
    | "triggeredCauses"
    | "findings"
    | "contextRules"
    | "countermeasures"
  >,
): boolean {
  if (pitfall.score === null || pitfall.band === null || pitfall.band === "none") return false;
  return (
    pitfall.triggeredSymptoms.length > 0 ||
    pitfall.triggeredCauses.length > 0 ||
    pitfall.findings.length > 0 ||
    pitfall.contextRules.some((rule) => rule.outcome === "fired") ||
    pitfall.countermeasures.some((countermeasure) => countermeasure.riskRemoved > 0)
  );
}

/**
 * The overall figure is the mean of the scored pitfalls (one decimal). Pitfalls not assessed or
 * without evidence are left out rather than counted as zero, which would flatter a team.
 */
export function overallResult(score: AssessmentScore): { score: number | null; band: RiskBand | null } {
  let sum = 0;
  let count = 0;
  for (const pitfall of score.pitfalls) {
    if (pitfall.status === "scored" && pitfall.score !== null) {
      sum += pitfall.score;
      count++;
    }
  }
  if (count === 0) return { score: null, band: null };
  const overall = Math.round((sum / count) * 10) / 10;
  return { score: overall, band: bandForScore(overall) };
}

/**
 * The assessment columns written with its pitfall results: the overall figure and the scoring
 * method version both were computed with. Submit and re-scoring write exactly these.
 */
export function storedAssessmentColumns(score: AssessmentScore): {
  overallScore: number | null;
  overallBand: RiskBand | null;
  scoringMethodVersion: number;
} {
  const overall = overallResult(score);
  return {
    overallScore: overall.score,
    overallBand: overall.band,
    scoringMethodVersion: score.methodVersion,
  };
}

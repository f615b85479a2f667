/**
 * How confidence is put into words, the same way wherever a score shows it (the result, the team
 * dashboard, "why this score"), and as docs/scoring.md defines it: the share of the evidence that
 * is answered, where a "don't know" that is itself a sign of the pitfall counts as answered (it is
 * evidence) and any other "don't know", or a blank, does not.
 */

/** The definition, as a phrase after "Confidence 100%: ". */
export const CONFIDENCE_MEANING =
  "the share of the evidence that was answered, counting a “don't know” that is itself a sign of the pitfall";

/** The evidence counts a stored result keeps (results stored before method 2 lack the split). */
export interface EvidenceCounts {
  questions: number;
  /** Answered with a value. */
  answered: number;
  /** Every "don't know", those that count as evidence included. */
  dontKnow: number;
  notApplicable: number;
  /** "Don't know" answers that count as evidence; unknown for older results. */
  dontKnowAsEvidence?: number;
}

function dontKnows(count: number): string {
  return `${count} “don't know”`;
}

/**
 * "4 of 5 questions answered with a value, 1 “don't know” that counts as evidence (not knowing is
 * itself a sign of the pitfall), 1 not applicable": what the confidence figure rests on.
 */
export function evidenceSentence(evidence: EvidenceCounts): string {
  const parts = [`${evidence.answered} of ${evidence.questions} questions answered with a value`];
  const asEvidence = evidence.dontKnowAsEvidence;
  if (asEvidence === undefined) {
    if (evidence.dontKnow > 0) parts.push(dontKnows(evidence.dontKnow));
  } else {
    if (asEvidence > 0)
      parts.push(
        `${dontKnows(asEvidence)} that counts as evidence (not knowing is itself a sign of the pitfall)`,
      );
    const lowering = evidence.dontKnow - asEvidence;
    if (lowering > 0) parts.push(`${dontKnows(lowering)} that lowers the confidence`);
  }
  if (evidence.notApplicable > 0) parts.push(`${evidence.notApplicable} not applicable`);
  return parts.join(", ");
}

/**
 * Which stored results were computed with another scoring method than the current one. Kept free
 * of `server-only` (like prisma-client.ts) because the start script checks it before Next runs.
 */
import { SCORING_METHOD_VERSION } from "@/domain/scoring/types";
import type { Prisma } from "@/generated/prisma/client";
import type { AppPrismaClient } from "../prisma-client";

/**
 * Submitted assessments. A reopened one keeps the results it was last submitted with, of the method
 * they were computed with, until it is submitted again (then by the current method): its answers
 * are a draft again, and scoring them would put half-edited answers under "last submitted" on the
 * result page, the plans and the exports.
 */
const submittedWithResults = {
  submittedAt: { not: null },
  status: "submitted",
} as const satisfies Prisma.AssessmentWhereInput;

/**
 * Assessments (of one cycle, when given) whose results need re-scoring. `not` alone would skip rows
 * without a recorded version, which are the stalest of all.
 */
export function staleResultsWhere(cycleId?: string): Prisma.AssessmentWhereInput {
  return {
    ...(cycleId === undefined ? {} : { cycleId }),
    ...submittedWithResults,
    OR: [{ scoringMethodVersion: null }, { scoringMethodVersion: { not: SCORING_METHOD_VERSION } }],
  };
}

/** How many assessments hold results of another scoring method than the current one. */
export function countStaleResults(client: Pick<AppPrismaClient, "assessment">): Promise<number> {
  return client.assessment.count({ where: staleResultsWhere() });
}

/** The start-up line asking for a re-score, or null when every stored result is current. */
export function staleResultsNotice(count: number): string | null {
  if (count === 0) return null;
  return `${count} assessment${count === 1 ? " has" : "s have"} stored results from an older scoring method than the current one (${SCORING_METHOD_VERSION}); run npm run db:rescore to re-score them.`;
}

/**
 * Which assessments hold the team's results for their cycle. Kept free of `server-only` (like
 * stale-results.ts, which uses it) because the start script reads it before Next runs.
 */
import type { Prisma } from "@/generated/prisma/client";

/**
 * Submitted assessments, and reopened ones: a reopened assessment keeps its last submitted results
 * until the team submits again, and every view shows those results (marked as reopened) meanwhile.
 * A draft has none. Mirrors `hasStoredResults` in src/domain/dashboards/stored-rows.ts.
 */
export const withStoredResults = {
  submittedAt: { not: null },
  status: { in: ["submitted", "reopened"] },
} as const satisfies Prisma.AssessmentWhereInput;

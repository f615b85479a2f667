import "server-only";
import { toStoredPitfallResults } from "@/domain/results/stored-results";
import type { AssessmentScore } from "@/domain/scoring";
import type { Prisma } from "@/generated/prisma/client";

type ResultWriter = Pick<Prisma.TransactionClient, "pitfallResult">;

/**
 * Replaces an assessment's stored pitfall results with `score`'s. Submit and re-scoring both call
 * it inside the transaction that also writes `storedAssessmentColumns(score)`, so the rows and the
 * overall figure always come from one scoring run.
 */
export async function replaceStoredPitfallResults(
  writer: ResultWriter,
  assessmentId: string,
  score: AssessmentScore,
  splitQuestions: ReadonlyMap<string, number>,
): Promise<void> {
  await writer.pitfallResult.deleteMany({ where: { assessmentId } });
  await writer.pitfallResult.createMany({
    data: toStoredPitfallResults(score).map((result) => ({
      assessmentId,
      ...result,
      splitQuestions: splitQuestions.get(result.pitfallId) ?? 0,
    })),
  });
}

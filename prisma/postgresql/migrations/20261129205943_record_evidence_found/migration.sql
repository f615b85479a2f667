-- DropIndex
DROP INDEX "pitfall_result_scores_idx";

-- AlterTable
ALTER TABLE "pitfall_result" ADD COLUMN     "evidenceFound" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "pitfall_result_scores_idx" ON "pitfall_result"("assessmentId", "pitfallId", "status", "score", "band", "splitQuestions", "evidenceFound");

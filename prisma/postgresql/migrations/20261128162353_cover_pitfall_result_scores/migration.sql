-- CreateIndex
CREATE INDEX "pitfall_result_scores_idx" ON "pitfall_result"("assessmentId", "pitfallId", "status", "score", "band", "splitQuestions");

-- DropIndex
DROP INDEX "assessment_cycleId_idx";

-- CreateIndex
CREATE INDEX "assessment_fingerprint_idx" ON "assessment"("cycleId", "status", "version", "updatedAt", "scoringMethodVersion", "createdAt");

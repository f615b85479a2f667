-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_pitfall_result" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "pitfallId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "score" REAL,
    "band" TEXT,
    "confidence" REAL NOT NULL,
    "evidenceFound" BOOLEAN NOT NULL DEFAULT true,
    "detail" TEXT NOT NULL,
    "splitQuestions" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "pitfall_result_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_pitfall_result" ("assessmentId", "band", "confidence", "detail", "id", "pitfallId", "score", "splitQuestions", "status") SELECT "assessmentId", "band", "confidence", "detail", "id", "pitfallId", "score", "splitQuestions", "status" FROM "pitfall_result";
DROP TABLE "pitfall_result";
ALTER TABLE "new_pitfall_result" RENAME TO "pitfall_result";
CREATE INDEX "pitfall_result_pitfallId_idx" ON "pitfall_result"("pitfallId");
CREATE INDEX "pitfall_result_scores_idx" ON "pitfall_result"("assessmentId", "pitfallId", "status", "score", "band", "splitQuestions", "evidenceFound");
CREATE UNIQUE INDEX "pitfall_result_assessmentId_pitfallId_key" ON "pitfall_result"("assessmentId", "pitfallId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

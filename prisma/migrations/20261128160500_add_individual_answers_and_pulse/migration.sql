-- CreateTable
CREATE TABLE "response" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "response_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "response_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "response_answer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT,
    "reason" TEXT,
    "carriedOver" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "response_answer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "response" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "pulse_participation" (
    "teamId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("teamId", "cycleId", "userId"),
    CONSTRAINT "pulse_participation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "pulse_participation_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "cycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "pulse_tally" (
    "teamId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "option" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("teamId", "cycleId", "questionId", "option"),
    CONSTRAINT "pulse_tally_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "pulse_tally_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "cycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "detail" TEXT NOT NULL,
    "splitQuestions" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "pitfall_result_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_pitfall_result" ("assessmentId", "band", "confidence", "detail", "id", "pitfallId", "score", "status") SELECT "assessmentId", "band", "confidence", "detail", "id", "pitfallId", "score", "status" FROM "pitfall_result";
DROP TABLE "pitfall_result";
ALTER TABLE "new_pitfall_result" RENAME TO "pitfall_result";
CREATE INDEX "pitfall_result_pitfallId_idx" ON "pitfall_result"("pitfallId");
CREATE UNIQUE INDEX "pitfall_result_assessmentId_pitfallId_key" ON "pitfall_result"("assessmentId", "pitfallId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "response_userId_idx" ON "response"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "response_assessmentId_userId_key" ON "response"("assessmentId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "response_answer_responseId_questionId_key" ON "response_answer"("responseId", "questionId");

-- CreateIndex
CREATE INDEX "pulse_participation_cycleId_idx" ON "pulse_participation"("cycleId");

-- CreateIndex
CREATE INDEX "pulse_tally_cycleId_idx" ON "pulse_tally"("cycleId");

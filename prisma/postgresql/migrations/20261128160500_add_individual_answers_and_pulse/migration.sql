-- AlterTable
ALTER TABLE "pitfall_result" ADD COLUMN     "splitQuestions" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "response" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_answer" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT,
    "reason" TEXT,
    "carriedOver" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "response_answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pulse_participation" (
    "teamId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "pulse_participation_pkey" PRIMARY KEY ("teamId","cycleId","userId")
);

-- CreateTable
CREATE TABLE "pulse_tally" (
    "teamId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "option" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "pulse_tally_pkey" PRIMARY KEY ("teamId","cycleId","questionId","option")
);

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

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_answer" ADD CONSTRAINT "response_answer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pulse_participation" ADD CONSTRAINT "pulse_participation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pulse_participation" ADD CONSTRAINT "pulse_participation_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pulse_tally" ADD CONSTRAINT "pulse_tally_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pulse_tally" ADD CONSTRAINT "pulse_tally_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

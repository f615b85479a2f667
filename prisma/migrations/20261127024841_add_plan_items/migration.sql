-- CreateTable
CREATE TABLE "plan_item" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "countermeasureId" TEXT NOT NULL,
    "pitfallId" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "addresses" TEXT NOT NULL,
    "sourceAssessmentId" TEXT NOT NULL,
    "scoreWhenAdded" REAL,
    "ownerId" TEXT,
    "dueOn" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'todo',
    "droppedReason" TEXT,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "plan_item_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "plan_item_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "plan_item_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "plan_item_status_dueOn_idx" ON "plan_item"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "plan_item_teamId_countermeasureId_key" ON "plan_item"("teamId", "countermeasureId");

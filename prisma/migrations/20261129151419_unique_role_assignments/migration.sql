-- One row per person, role and scope. Two grants of the same role at the same moment used to store
-- it twice, so removing it once left the access in place. Duplicates already stored are dropped
-- here, keeping the earliest grant. scopeKey is the team or org unit id, or '' for a role
-- without one, so the unique index also covers roles without a scope (NULLs never collide).

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_role_assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "teamId" TEXT,
    "orgUnitId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "role_assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "role_assignment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "role_assignment_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_role_assignment" ("createdAt", "id", "orgUnitId", "role", "teamId", "userId", "scopeKey")
SELECT "createdAt", "id", "orgUnitId", "role", "teamId", "userId", COALESCE("teamId", "orgUnitId", '')
FROM "role_assignment" AS "kept"
WHERE NOT EXISTS (
    SELECT 1 FROM "role_assignment" AS "earlier"
    WHERE "earlier"."userId" = "kept"."userId"
      AND "earlier"."role" = "kept"."role"
      AND COALESCE("earlier"."teamId", "earlier"."orgUnitId", '') = COALESCE("kept"."teamId", "kept"."orgUnitId", '')
      AND ("earlier"."createdAt" < "kept"."createdAt"
        OR ("earlier"."createdAt" = "kept"."createdAt" AND "earlier"."id" < "kept"."id"))
);
DROP TABLE "role_assignment";
ALTER TABLE "new_role_assignment" RENAME TO "role_assignment";
CREATE INDEX "role_assignment_userId_idx" ON "role_assignment"("userId");
CREATE INDEX "role_assignment_teamId_idx" ON "role_assignment"("teamId");
CREATE INDEX "role_assignment_orgUnitId_idx" ON "role_assignment"("orgUnitId");
CREATE UNIQUE INDEX "role_assignment_userId_role_scopeKey_key" ON "role_assignment"("userId", "role", "scopeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

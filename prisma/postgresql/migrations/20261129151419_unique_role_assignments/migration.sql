-- One row per person, role and scope. Two grants of the same role at the same moment used to store
-- it twice, so removing it once left the access in place. Duplicates already stored are dropped
-- here, keeping the earliest grant. scopeKey is the team or org unit id, or '' for a role
-- without one, so the unique index also covers roles without a scope (NULLs never collide).

-- AlterTable
ALTER TABLE "role_assignment" ADD COLUMN     "scopeKey" TEXT;
UPDATE "role_assignment" SET "scopeKey" = COALESCE("teamId", "orgUnitId", '');
DELETE FROM "role_assignment" AS "later"
USING "role_assignment" AS "earlier"
WHERE "earlier"."userId" = "later"."userId"
  AND "earlier"."role" = "later"."role"
  AND "earlier"."scopeKey" = "later"."scopeKey"
  AND ("earlier"."createdAt", "earlier"."id") < ("later"."createdAt", "later"."id");
ALTER TABLE "role_assignment" ALTER COLUMN "scopeKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "role_assignment_userId_role_scopeKey_key" ON "role_assignment"("userId", "role", "scopeKey");

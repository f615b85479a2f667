-- AlterTable
ALTER TABLE "assessment" ADD COLUMN "scoringMethodVersion" INTEGER;

-- AlterTable
ALTER TABLE "plan_item" ADD COLUMN "scoreMethodVersion" INTEGER;

-- Results stored before this migration name the method they were computed with in their explanation
-- JSON ("methodVersion", method 1 for all of them). Assessments with stored results take that version
-- (the oldest one if their rows disagree, so a re-score picks them up), or 1 when no row says.
UPDATE "assessment" SET "scoringMethodVersion" = COALESCE(
  (SELECT MIN(CAST(json_extract("pitfall_result"."detail", '$.methodVersion') AS INTEGER))
     FROM "pitfall_result"
    WHERE "pitfall_result"."assessmentId" = "assessment"."id" AND json_valid("pitfall_result"."detail")),
  1)
WHERE "submittedAt" IS NOT NULL
   OR EXISTS (SELECT 1 FROM "pitfall_result" WHERE "pitfall_result"."assessmentId" = "assessment"."id");

-- A plan item's score was copied from its source assessment's stored results.
UPDATE "plan_item" SET "scoreMethodVersion" =
  (SELECT "assessment"."scoringMethodVersion" FROM "assessment" WHERE "assessment"."id" = "plan_item"."sourceAssessmentId");

/**
 * Answers that cannot all be true, end to end through the data layer: the review lists both
 * answers with the questionnaire's sentence, submitting refuses them without changing anything,
 * and correcting one of them lets the team submit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "@/domain/content/schema";
import { ExpectedError } from "@/contracts/action-result";
import {
  confirmCarriedOverAnswers,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "@/server/assessments/mutations";
import { getReview } from "@/server/assessments/queries";
import { healthyAnswers, healthyContext } from "../../calibration/profiles";
import {
  createOrganisation,
  createSubmittedAssessment,
  createTeam,
  snapshotAssessment,
  type TestOrganisation,
} from "./fixtures";

async function startFrom(org: TestOrganisation, name: string, answers: Record<string, Answer>) {
  const team = await createTeam(org.orgUnitId, name);
  await createSubmittedAssessment(team.id, org.previousCycle.id, answers);
  const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
  const confirmed = await confirmCarriedOverAnswers(team.lead, {
    assessmentId,
    questionIds: Object.keys(answers),
    expectedVersion: 1,
  });
  return { team, assessmentId, version: confirmed.version };
}

const MESSAGE =
  "Your team context says your team runs its own on-call schedule with 6 people on the rota, but has 3 people in the team. A team's own rota cannot be larger than the team: correct one of the two, or choose the schedule shared with sibling teams if they take turns on it too.";

describe("answers that cannot all be true", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  it("are listed on the review and refused on submit, changing nothing, until one is corrected", async () => {
    const { team, assessmentId, version } = await startFrom(org, "Tiny Rota Owners", {
      ...healthyContext,
      "out-of-hours-on-call-setup": { kind: "value", value: "own-team-schedule" },
      "team-size": { kind: "value", value: 3 },
      "on-call-rota-size": { kind: "value", value: 6 },
      ...healthyAnswers,
    });
    const review = await getReview(team.lead, team.slug);
    expect(review?.invalid.map((item) => [item.questionId, item.message])).toEqual([
      ["team-size", MESSAGE],
      ["on-call-rota-size", MESSAGE],
    ]);

    const before = await snapshotAssessment(assessmentId);
    const refused = await submitAssessment(team.lead, { assessmentId, expectedVersion: version }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(refused).toBeInstanceOf(ExpectedError);
    expect((refused as ExpectedError).message).toBe(
      "The assessment cannot be submitted yet: 2 answers need correcting. Nothing was submitted.",
    );
    expect((refused as ExpectedError).fieldErrors).toEqual({
      "team-size": [MESSAGE],
      "on-call-rota-size": [MESSAGE],
    });
    expect(await snapshotAssessment(assessmentId)).toEqual(before);

    const corrected = await saveAnswer(team.lead, {
      assessmentId,
      questionId: "on-call-rota-size",
      answer: { kind: "value", value: 3 },
      note: null,
      expectedVersion: version,
    });
    expect((await getReview(team.lead, team.slug))?.invalid).toEqual([]);
    await submitAssessment(team.lead, { assessmentId, expectedVersion: corrected.version });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { saveAnswer, startAssessment, submitAssessment } from "@/server/assessments/mutations";
import { getTeamOverview } from "@/server/assessments/queries";
import { closeCycle, openCycle } from "@/server/cycles/mutations";
import { db } from "@/server/db";
import {
  completeAnswers,
  createOrganisation,
  createSubmittedAssessment,
  createTeam,
  storedColumns,
  type TestOrganisation,
  type TestTeam,
} from "./fixtures";

describe("a draft left unsubmitted when its cycle closed", () => {
  let org: TestOrganisation;
  let drafting: TestTeam;
  let finished: TestTeam;
  let untouched: TestTeam;

  beforeAll(async () => {
    org = await createOrganisation();
    drafting = await createTeam(org.orgUnitId, "Refunds");
    finished = await createTeam(org.orgUnitId, "Checkout");
    untouched = await createTeam(org.orgUnitId, "Search");
    await createSubmittedAssessment(drafting.id, org.previousCycle.id, completeAnswers(org.questionnaire));

    const draft = await startAssessment(drafting.lead, { teamSlug: drafting.slug });
    const question = org.questionnaire.sections[0]!.questions[0]!;
    await saveAnswer(drafting.member, {
      assessmentId: draft.assessmentId,
      questionId: question.id,
      answer: { kind: "dontKnow" },
      note: null,
      expectedVersion: 1,
    });

    const done = await startAssessment(finished.lead, { teamSlug: finished.slug });
    await db.answer.createMany({
      data: Object.entries(completeAnswers(org.questionnaire)).map(([questionId, answer]) => ({
        assessmentId: done.assessmentId,
        questionId,
        ...storedColumns(answer),
      })),
    });
    await submitAssessment(finished.lead, { assessmentId: done.assessmentId, expectedVersion: 1 });
  });

  it("stays in view on the team page, with how far the team got, until the cycle opens again", async () => {
    // While the cycle is open the current assessment says it all.
    expect((await getTeamOverview(drafting.lead, drafting.slug)).unsubmittedInClosedCycle).toBeNull();

    await closeCycle(org.head, { cycleId: org.openCycle.id });
    const overview = await getTeamOverview(drafting.member, drafting.slug);
    expect(overview.current).toBeNull();
    expect(overview.unsubmittedInClosedCycle).toMatchObject({
      cycleName: org.openCycle.name,
      progress: { answered: 1 },
    });
    // History still lists submitted quarters only.
    expect(overview.history.map((entry) => entry.cycleName)).toEqual([org.previousCycle.name]);

    // A team that submitted, or never started, has nothing left behind.
    expect((await getTeamOverview(finished.lead, finished.slug)).unsubmittedInClosedCycle).toBeNull();
    expect((await getTeamOverview(untouched.lead, untouched.slug)).unsubmittedInClosedCycle).toBeNull();

    await openCycle(org.head, { cycleId: org.openCycle.id });
    const reopened = await getTeamOverview(drafting.lead, drafting.slug);
    expect(reopened.unsubmittedInClosedCycle).toBeNull();
    expect(reopened.current).toMatchObject({ status: "draft", progress: { answered: 1 } });
  });
});

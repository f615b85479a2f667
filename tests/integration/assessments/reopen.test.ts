import { beforeAll, describe, expect, it } from "vitest";
import { reopenAssessmentSchema } from "@/contracts/assessments/schemas";
import { ExpectedError } from "@/contracts/action-result";
import { db } from "@/server/db";
import { parseInput } from "@/server/errors";
import {
  reopenAssessment,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "@/server/assessments/mutations";
import {
  getAssessmentResult,
  getQuestionnairePage,
  getReview,
  getTeamOverview,
} from "@/server/assessments/queries";
import { getMyAnswersPage } from "@/server/responses/queries";
import {
  completeAnswers,
  createOrganisation,
  createTeam,
  snapshotAssessment,
  storedColumns,
  type TestOrganisation,
} from "./fixtures";

describe("reopening and resubmitting", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  async function submittedAssessment() {
    const team = await createTeam(org.orgUnitId);
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    await db.answer.createMany({
      data: Object.entries(completeAnswers(org.questionnaire, 0.2)).map(([questionId, answer]) => ({
        assessmentId,
        questionId,
        ...storedColumns(answer),
      })),
    });
    await submitAssessment(team.lead, { assessmentId, expectedVersion: 1 });
    return { team, assessmentId };
  }

  async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
    const error = await promise.then(
      () => {
        throw new Error("expected a refusal");
      },
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ExpectedError);
    return error as ExpectedError;
  }

  it("requires a reason", () => {
    expect(() => parseInput(reopenAssessmentSchema, { assessmentId: "x", reason: "  " })).toThrow(
      ExpectedError,
    );
    try {
      parseInput(reopenAssessmentSchema, { assessmentId: "x", reason: "no" });
    } catch (error) {
      expect((error as ExpectedError).fieldErrors.reason).toEqual([
        "Say why the assessment is reopened (at least 5 characters).",
      ]);
    }
  });

  it("reopens with an audited reason; the team can edit again and a resubmission replaces the results", async () => {
    const { team, assessmentId } = await submittedAssessment();
    const firstResults = await db.pitfallResult.findMany({
      where: { assessmentId },
      orderBy: { pitfallId: "asc" },
    });

    await reopenAssessment(org.head, {
      assessmentId,
      reason: "The on-call answers were for the wrong service",
    });

    const reopened = await snapshotAssessment(assessmentId);
    expect(reopened.assessment).toMatchObject({ status: "reopened", version: 3 });
    // The submitted results stay visible until the team submits again.
    expect(reopened.results).toHaveLength(7);
    const event = reopened.audit.find((entry) => entry.action === "assessment.reopened");
    expect(event?.actorId).toBe(org.head.id);
    expect(JSON.parse(event!.after!)).toEqual({
      status: "reopened",
      reason: "The on-call answers were for the wrong service",
    });

    // Answer everything at the risky end of the scale this time.
    let version = 3;
    for (const [questionId, answer] of Object.entries(completeAnswers(org.questionnaire, 1)).slice(6, 20)) {
      ({ version } = await saveAnswer(team.lead, {
        assessmentId,
        questionId,
        answer,
        note: null,
        expectedVersion: version,
      }));
    }
    await submitAssessment(team.lead, { assessmentId, expectedVersion: version });

    const resubmitted = await snapshotAssessment(assessmentId);
    expect(resubmitted.assessment?.status).toBe("submitted");
    expect(resubmitted.results).toHaveLength(7);
    expect(resubmitted.results.map((result) => result.id)).not.toEqual(
      firstResults.map((result) => result.id),
    );
    expect(resubmitted.results.map((result) => result.score)).not.toEqual(
      firstResults.map((result) => result.score),
    );
    expect(
      resubmitted.audit.map((entry) => entry.action).filter((action) => action !== "assessment.answer_saved"),
    ).toEqual([
      "assessment.started",
      "assessment.submitted",
      "assessment.reopened",
      "assessment.resubmitted",
    ]);
  });

  it("tells everyone who reads the assessment who reopened it, when and why, until it is submitted again", async () => {
    const { team, assessmentId } = await submittedAssessment();
    // Nothing to tell while it is submitted.
    expect((await getTeamOverview(team.member, team.slug)).current?.reopening).toBeNull();
    expect((await getAssessmentResult(team.member, team.slug, "2026-q4")).assessment.reopening).toBeNull();

    const before = Date.now();
    await reopenAssessment(org.head, { assessmentId, reason: "Lead asked: wrong on-call answers" });
    const expected = { byName: "Priya Head", reason: "Lead asked: wrong on-call answers" };

    const overview = await getTeamOverview(team.member, team.slug);
    expect(overview.current?.reopening).toMatchObject(expected);
    expect(Date.parse(overview.current!.reopening!.at)).toBeGreaterThanOrEqual(before - 1000);
    const questionnaire = await getQuestionnairePage(team.member, team.slug);
    expect(questionnaire.kind === "editable" && questionnaire.reopening).toMatchObject(expected);
    const mine = await getMyAnswersPage(team.member, team.slug);
    expect(mine.kind === "editable" && mine.reopening).toMatchObject(expected);
    expect((await getReview(team.lead, team.slug))?.reopening).toMatchObject(expected);
    expect((await getAssessmentResult(team.member, team.slug, "2026-q4")).assessment.reopening).toMatchObject(
      expected,
    );

    // Reopened a second time, the latest reopening is the one told.
    const submitted = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    await submitAssessment(team.lead, { assessmentId, expectedVersion: submitted.version });
    expect((await getTeamOverview(team.member, team.slug)).current?.reopening).toBeNull();
    await reopenAssessment(org.admin, { assessmentId, reason: "Second look at the budget answers" });
    expect((await getReview(team.member, team.slug))?.reopening).toMatchObject({
      byName: "Morgan Admin",
      reason: "Second look at the budget answers",
    });
  });

  it("is for admins and the head of engineering only", async () => {
    const { team, assessmentId } = await submittedAssessment();
    const before = await snapshotAssessment(assessmentId);
    expect(
      (await refusal(reopenAssessment(team.lead, { assessmentId, reason: "We changed our minds" }))).code,
    ).toBe("forbidden");
    expect(
      (await refusal(reopenAssessment(team.member, { assessmentId, reason: "We changed our minds" }))).code,
    ).toBe("forbidden");
    expect(await snapshotAssessment(assessmentId)).toEqual(before);
    await reopenAssessment(org.admin, { assessmentId, reason: "Requested by the team lead" });
    expect((await snapshotAssessment(assessmentId)).assessment?.status).toBe("reopened");
  });

  it("refuses drafts, already reopened assessments and closed cycles, changing nothing", async () => {
    const draftTeam = await createTeam(org.orgUnitId);
    const { assessmentId: draftId } = await startAssessment(draftTeam.lead, { teamSlug: draftTeam.slug });
    const draftBefore = await snapshotAssessment(draftId);
    expect(
      (await refusal(reopenAssessment(org.admin, { assessmentId: draftId, reason: "Just because" }))).message,
    ).toMatch(/still a draft/);
    expect(await snapshotAssessment(draftId)).toEqual(draftBefore);

    const { assessmentId } = await submittedAssessment();
    await reopenAssessment(org.admin, { assessmentId, reason: "First reopen" });
    const reopenedBefore = await snapshotAssessment(assessmentId);
    expect(
      (await refusal(reopenAssessment(org.admin, { assessmentId, reason: "Second reopen" }))).message,
    ).toMatch(/already reopened/);
    expect(await snapshotAssessment(assessmentId)).toEqual(reopenedBefore);

    const { assessmentId: closedId } = await submittedAssessment();
    await db.cycle.update({ where: { id: org.openCycle.id }, data: { status: "closed" } });
    try {
      const closedBefore = await snapshotAssessment(closedId);
      const error = await refusal(
        reopenAssessment(org.admin, { assessmentId: closedId, reason: "Late correction" }),
      );
      expect(error.message).toBe(
        `${org.openCycle.name} is closed. Open the cycle before reopening its assessments.`,
      );
      expect(await snapshotAssessment(closedId)).toEqual(closedBefore);
    } finally {
      await db.cycle.update({ where: { id: org.openCycle.id }, data: { status: "open" } });
    }
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerConflictDetails } from "@/contracts/assessments/types";
import { ExpectedError } from "@/contracts/action-result";
import { confirmCarriedOverAnswers, saveAnswer, startAssessment } from "@/server/assessments/mutations";
import {
  completeAnswers,
  createOrganisation,
  createSubmittedAssessment,
  createTeam,
  firstQuestionOfType,
  snapshotAssessment,
  type TestOrganisation,
} from "./fixtures";

async function conflictOf(
  promise: Promise<unknown>,
): Promise<{ error: ExpectedError; details: AnswerConflictDetails }> {
  const error = await promise.then(
    () => {
      throw new Error("expected a conflict");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  expect((error as ExpectedError).code).toBe("conflict");
  const details = (error as ExpectedError).details as AnswerConflictDetails;
  expect(details.kind).toBe("answer-conflict");
  return { error: error as ExpectedError, details };
}

describe("concurrent edits", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  it("refuses a save from a stale version and returns the current answer and who changed it", async () => {
    const team = await createTeam(org.orgUnitId);
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    const question = firstQuestionOfType(org.questionnaire, "agreement");

    // Both screens loaded version 1; the member saves first.
    await saveAnswer(team.member, {
      assessmentId,
      questionId: question.id,
      answer: { kind: "value", value: 4 },
      note: "member view",
      expectedVersion: 1,
    });
    const before = await snapshotAssessment(assessmentId);

    const { error, details } = await conflictOf(
      saveAnswer(team.lead, {
        assessmentId,
        questionId: question.id,
        answer: { kind: "value", value: 1 },
        note: null,
        expectedVersion: 1,
      }),
    );

    expect(error.message).toMatch(/not saved/);
    expect(details.currentVersion).toBe(2);
    expect(details.questionId).toBe(question.id);
    expect(details.current).toMatchObject({
      questionId: question.id,
      kind: "value",
      value: 4,
      note: "member view",
      updatedBy: { id: team.member.id, name: team.member.name },
    });
    expect(details.answers[question.id]).toEqual(details.current);
    expect(await snapshotAssessment(assessmentId)).toEqual(before);
  });

  it("counts two tabs of the same person as concurrent edits", async () => {
    const team = await createTeam(org.orgUnitId);
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    const question = firstQuestionOfType(org.questionnaire, "yesNo");
    await saveAnswer(team.lead, {
      assessmentId,
      questionId: question.id,
      answer: { kind: "value", value: true },
      note: null,
      expectedVersion: 1,
    });
    const before = await snapshotAssessment(assessmentId);

    const { details } = await conflictOf(
      saveAnswer(team.lead, {
        assessmentId,
        questionId: question.id,
        answer: { kind: "value", value: false },
        note: null,
        expectedVersion: 1,
      }),
    );
    expect(details.current).toMatchObject({ value: true, updatedBy: { id: team.lead.id } });
    expect(await snapshotAssessment(assessmentId)).toEqual(before);
  });

  it("reports a question nobody has answered yet as having no current answer", async () => {
    const team = await createTeam(org.orgUnitId);
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    const [first, second] = org.questionnaire.sections[0]!.questions;
    await saveAnswer(team.member, {
      assessmentId,
      questionId: first!.id,
      answer: { kind: "dontKnow" },
      note: null,
      expectedVersion: 1,
    });

    const { details } = await conflictOf(
      saveAnswer(team.lead, {
        assessmentId,
        questionId: second!.id,
        answer: { kind: "dontKnow" },
        note: null,
        expectedVersion: 1,
      }),
    );
    expect(details.current).toBeNull();
    expect(Object.keys(details.answers)).toEqual([first!.id]);
  });

  it("refuses a stale confirmation and leaves the carried-over flags as they were", async () => {
    const team = await createTeam(org.orgUnitId);
    await createSubmittedAssessment(team.id, org.previousCycle.id, completeAnswers(org.questionnaire));
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    const ids = org.questionnaire.sections[0]!.questions.map((question) => question.id);
    await saveAnswer(team.member, {
      assessmentId,
      questionId: ids[0]!,
      answer: { kind: "dontKnow" },
      note: null,
      expectedVersion: 1,
    });
    const before = await snapshotAssessment(assessmentId);

    const { details } = await conflictOf(
      confirmCarriedOverAnswers(team.lead, { assessmentId, questionIds: ids, expectedVersion: 1 }),
    );
    expect(details.questionId).toBeNull();
    expect(details.answers[ids[0]!]).toMatchObject({ kind: "dontKnow", carriedOver: false });
    expect(await snapshotAssessment(assessmentId)).toEqual(before);
  });

  it("lets exactly one of two simultaneous saves from the same version win", async () => {
    const team = await createTeam(org.orgUnitId);
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    const question = firstQuestionOfType(org.questionnaire, "agreement");
    const outcomes = await Promise.allSettled([
      saveAnswer(team.lead, {
        assessmentId,
        questionId: question.id,
        answer: { kind: "value", value: 1 },
        note: null,
        expectedVersion: 1,
      }),
      saveAnswer(team.member, {
        assessmentId,
        questionId: question.id,
        answer: { kind: "value", value: 5 },
        note: null,
        expectedVersion: 1,
      }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as ExpectedError).code).toBe("conflict");
    const { assessment, answers } = await snapshotAssessment(assessmentId);
    expect(assessment?.version).toBe(2);
    expect(answers).toHaveLength(1);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { confirmAnswersSchema, saveAnswerSchema } from "@/contracts/assessments/schemas";
import { ExpectedError } from "@/contracts/action-result";
import { db } from "@/server/db";
import { parseInput } from "@/server/errors";
import {
  confirmCarriedOverAnswers,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "@/server/assessments/mutations";
import {
  completeAnswers,
  createOrganisation,
  createPerson,
  createTeam,
  firstQuestionOfType,
  snapshotAssessment,
  storedColumns,
  type TestOrganisation,
  type TestTeam,
} from "./fixtures";

describe("bad input gets a clear message and changes nothing", () => {
  let org: TestOrganisation;
  let team: TestTeam;
  let otherTeam: TestTeam;
  let assessmentId: string;
  let otherAssessmentId: string;

  beforeAll(async () => {
    org = await createOrganisation();
    team = await createTeam(org.orgUnitId, "Checkout");
    otherTeam = await createTeam(org.orgUnitId, "Search");
    ({ assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug }));
    ({ assessmentId: otherAssessmentId } = await startAssessment(otherTeam.lead, {
      teamSlug: otherTeam.slug,
    }));
    const question = firstQuestionOfType(org.questionnaire, "agreement");
    await saveAnswer(otherTeam.lead, {
      assessmentId: otherAssessmentId,
      questionId: question.id,
      answer: { kind: "value", value: 2 },
      note: null,
      expectedVersion: 1,
    });
  });

  async function expectRefusedWithoutChange(
    attempt: () => Promise<unknown>,
    expected: { code: string; message?: RegExp | string; field?: string },
    ids: string[] = [assessmentId, otherAssessmentId],
  ): Promise<ExpectedError> {
    const before = await Promise.all(ids.map(snapshotAssessment));
    const auditBefore = await db.auditEvent.count();
    const error = await attempt().then(
      () => {
        throw new Error("expected the request to be refused");
      },
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ExpectedError);
    const expectedError = error as ExpectedError;
    expect(expectedError.code).toBe(expected.code);
    if (expected.message instanceof RegExp) expect(expectedError.message).toMatch(expected.message);
    else if (expected.message) expect(expectedError.message).toBe(expected.message);
    if (expected.field) expect(expectedError.fieldErrors[expected.field]?.length).toBeGreaterThan(0);
    expect(await Promise.all(ids.map(snapshotAssessment))).toEqual(before);
    expect(await db.auditEvent.count()).toBe(auditBefore);
    return expectedError;
  }

  const currentVersion = async () =>
    (await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).version;

  it("an unknown question id", async () => {
    await expectRefusedWithoutChange(
      async () =>
        saveAnswer(team.lead, {
          assessmentId,
          questionId: "no-such-question",
          answer: { kind: "dontKnow" },
          note: null,
          expectedVersion: await currentVersion(),
        }),
      {
        code: "validation",
        message: `This question is not part of the ${org.openCycle.name} questionnaire.`,
        field: "questionId",
      },
    );
    await expectRefusedWithoutChange(
      async () =>
        confirmCarriedOverAnswers(team.lead, {
          assessmentId,
          questionIds: ["no-such-question"],
          expectedVersion: await currentVersion(),
        }),
      { code: "validation", message: /no-such-question/, field: "questionIds" },
    );
  });

  it("out-of-range and wrong-type values, with the question's own wording", async () => {
    const agreement = firstQuestionOfType(org.questionnaire, "agreement");
    const number = firstQuestionOfType(org.questionnaire, "number");
    const choice = firstQuestionOfType(org.questionnaire, "choice");
    const yesNo = firstQuestionOfType(org.questionnaire, "yesNo");
    if (number.answer.type !== "number") throw new Error("unexpected content");
    const cases: [string, unknown, RegExp][] = [
      [agreement.id, { kind: "value", value: 6 }, /from 1 \(strongly disagree\) to 5/],
      [agreement.id, { kind: "value", value: "4" }, /from 1 \(strongly disagree\) to 5/],
      [number.id, { kind: "value", value: number.answer.max + 1 }, /you entered/],
      [number.id, { kind: "value", value: "twelve" }, /Enter a/],
      [choice.id, { kind: "value", value: "not-an-option" }, /Choose one of/],
      [yesNo.id, { kind: "value", value: "yes" }, /Answer yes or no/],
      [yesNo.id, { kind: "maybe" }, /malformed/],
      [yesNo.id, "yes", /malformed/],
    ];
    for (const [questionId, answer, message] of cases) {
      await expectRefusedWithoutChange(
        async () =>
          saveAnswer(team.lead, {
            assessmentId,
            questionId,
            answer,
            note: null,
            expectedVersion: await currentVersion(),
          }),
        { code: "validation", message, field: "answer" },
      );
    }
  });

  it("not applicable without a reason, or where the question does not allow it; don't know where refused", async () => {
    const allowsNotApplicable = firstQuestionOfType(
      org.questionnaire,
      "yesNo",
      (question) => question.allowNotApplicable,
    );
    const refusesNotApplicable = firstQuestionOfType(
      org.questionnaire,
      "agreement",
      (question) => !question.allowNotApplicable,
    );
    const refusesDontKnow = org.questionnaire.context.find((question) => !question.allowDontKnow)!;
    await expectRefusedWithoutChange(
      async () =>
        saveAnswer(team.lead, {
          assessmentId,
          questionId: allowsNotApplicable.id,
          answer: { kind: "notApplicable", reason: " " },
          note: null,
          expectedVersion: await currentVersion(),
        }),
      { code: "validation", message: /Say briefly why/, field: "answer" },
    );
    await expectRefusedWithoutChange(
      async () =>
        saveAnswer(team.lead, {
          assessmentId,
          questionId: allowsNotApplicable.id,
          answer: { kind: "notApplicable" },
          note: null,
          expectedVersion: await currentVersion(),
        }),
      { code: "validation", message: /Say briefly why/ },
    );
    await expectRefusedWithoutChange(
      async () =>
        saveAnswer(team.lead, {
          assessmentId,
          questionId: refusesNotApplicable.id,
          answer: { kind: "notApplicable", reason: "Does not apply" },
          note: null,
          expectedVersion: await currentVersion(),
        }),
      { code: "validation", message: /not accepted for this question/ },
    );
    await expectRefusedWithoutChange(
      async () =>
        saveAnswer(team.lead, {
          assessmentId,
          questionId: refusesDontKnow.id,
          answer: { kind: "dontKnow" },
          note: null,
          expectedVersion: await currentVersion(),
        }),
      { code: "validation", message: /not accepted for this question/ },
    );
  });

  it("a note without an answer", async () => {
    const question = firstQuestionOfType(org.questionnaire, "yesNo");
    await expectRefusedWithoutChange(
      async () =>
        saveAnswer(team.lead, {
          assessmentId,
          questionId: question.id,
          answer: null,
          note: "Context",
          expectedVersion: await currentVersion(),
        }),
      { code: "validation", message: "Answer the question before adding a note.", field: "note" },
    );
  });

  it("malformed envelopes are refused by the shared schema with field messages", () => {
    const attempts: [unknown, string][] = [
      [{ questionId: "q", answer: null, expectedVersion: 1 }, "assessmentId"],
      [{ assessmentId: "a", questionId: "", answer: null, expectedVersion: 1 }, "questionId"],
      [{ assessmentId: "a", questionId: "q", answer: null, expectedVersion: "1" }, "expectedVersion"],
      [
        { assessmentId: "a", questionId: "q", answer: null, expectedVersion: 1, note: "x".repeat(2001) },
        "note",
      ],
      ["not an object", "form"],
    ];
    for (const [input, field] of attempts) {
      let error: unknown;
      try {
        parseInput(saveAnswerSchema, input);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ExpectedError);
      expect((error as ExpectedError).fieldErrors[field]?.length).toBeGreaterThan(0);
    }
    expect(() =>
      parseInput(confirmAnswersSchema, { assessmentId: "a", questionIds: [], expectedVersion: 1 }),
    ).toThrow(ExpectedError);
  });

  it("saving into another team's assessment: not found, whatever the client claims", async () => {
    const question = firstQuestionOfType(org.questionnaire, "agreement");
    const otherVersion = (await db.assessment.findUniqueOrThrow({ where: { id: otherAssessmentId } }))
      .version;
    await expectRefusedWithoutChange(
      () =>
        saveAnswer(team.lead, {
          assessmentId: otherAssessmentId,
          questionId: question.id,
          answer: { kind: "value", value: 5 },
          note: null,
          expectedVersion: otherVersion,
        }),
      { code: "not_found" },
    );
    await expectRefusedWithoutChange(
      () =>
        confirmCarriedOverAnswers(team.member, {
          assessmentId: otherAssessmentId,
          questionIds: [question.id],
          expectedVersion: otherVersion,
        }),
      { code: "not_found" },
    );
    await expectRefusedWithoutChange(
      () => submitAssessment(team.lead, { assessmentId: otherAssessmentId, expectedVersion: otherVersion }),
      {
        code: "not_found",
      },
    );
    await expectRefusedWithoutChange(() => startAssessment(team.lead, { teamSlug: otherTeam.slug }), {
      code: "not_found",
    });
  });

  it("an assessment id that does not exist", async () => {
    await expectRefusedWithoutChange(
      () =>
        saveAnswer(team.lead, {
          assessmentId: "does-not-exist",
          questionId: "x",
          answer: null,
          note: null,
          expectedVersion: 1,
        }),
      { code: "not_found" },
    );
  });

  it("people who may read the team but not answer for it", async () => {
    const head = org.head;
    const question = firstQuestionOfType(org.questionnaire, "agreement");
    await expectRefusedWithoutChange(
      async () =>
        saveAnswer(head, {
          assessmentId,
          questionId: question.id,
          answer: { kind: "value", value: 3 },
          note: null,
          expectedVersion: await currentVersion(),
        }),
      { code: "forbidden" },
    );
    const stranger = await createPerson("No Roles", []);
    await expectRefusedWithoutChange(
      async () =>
        saveAnswer(stranger, {
          assessmentId,
          questionId: question.id,
          answer: { kind: "value", value: 3 },
          note: null,
          expectedVersion: await currentVersion(),
        }),
      { code: "not_found" },
    );
  });

  it("answering a submitted assessment", async () => {
    const submittedTeam = await createTeam(org.orgUnitId, "Billing");
    const { assessmentId: submittedId } = await startAssessment(submittedTeam.lead, {
      teamSlug: submittedTeam.slug,
    });
    await db.answer.createMany({
      data: Object.entries(completeAnswers(org.questionnaire)).map(([questionId, answer]) => ({
        assessmentId: submittedId,
        questionId,
        ...storedColumns(answer),
      })),
    });
    await submitAssessment(submittedTeam.lead, { assessmentId: submittedId, expectedVersion: 1 });
    const question = firstQuestionOfType(org.questionnaire, "agreement");
    await expectRefusedWithoutChange(
      () =>
        saveAnswer(submittedTeam.lead, {
          assessmentId: submittedId,
          questionId: question.id,
          answer: { kind: "value", value: 1 },
          note: null,
          expectedVersion: 2,
        }),
      { code: "conflict", message: /has been submitted/ },
      [submittedId],
    );
    await expectRefusedWithoutChange(
      () =>
        confirmCarriedOverAnswers(submittedTeam.lead, {
          assessmentId: submittedId,
          questionIds: [question.id],
          expectedVersion: 2,
        }),
      { code: "conflict", message: /has been submitted/ },
      [submittedId],
    );
  });

  it("answering, confirming or submitting when the cycle is closed; starting with no open cycle", async () => {
    const question = firstQuestionOfType(org.questionnaire, "agreement");
    const fresh = await createTeam(org.orgUnitId, "Refunds");
    await db.cycle.update({ where: { id: org.openCycle.id }, data: { status: "closed" } });
    try {
      const version = await currentVersion();
      const closedMessage = `${org.openCycle.name} is closed, so its answers can no longer be changed.`;
      await expectRefusedWithoutChange(
        () =>
          saveAnswer(team.lead, {
            assessmentId,
            questionId: question.id,
            answer: { kind: "value", value: 1 },
            note: null,
            expectedVersion: version,
          }),
        { code: "conflict", message: closedMessage },
      );
      await expectRefusedWithoutChange(
        () =>
          confirmCarriedOverAnswers(team.lead, {
            assessmentId,
            questionIds: [question.id],
            expectedVersion: version,
          }),
        { code: "conflict", message: closedMessage },
      );
      await expectRefusedWithoutChange(
        () => submitAssessment(team.lead, { assessmentId, expectedVersion: version }),
        {
          code: "conflict",
          message: closedMessage,
        },
      );
      const assessmentsBefore = await db.assessment.count();
      await expectRefusedWithoutChange(() => startAssessment(fresh.lead, { teamSlug: fresh.slug }), {
        code: "conflict",
        message: /No assessment cycle is open/,
      });
      expect(await db.assessment.count()).toBe(assessmentsBefore);
    } finally {
      await db.cycle.update({ where: { id: org.openCycle.id }, data: { status: "open" } });
    }
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { saveAnswer, startAssessment } from "@/server/assessments/mutations";
import {
  createOrganisation,
  createTeam,
  firstQuestionOfType,
  snapshotAssessment,
  type TestOrganisation,
} from "./fixtures";

describe("saving answers", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  async function startedTeam() {
    const team = await createTeam(org.orgUnitId);
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    return { team, assessmentId };
  }

  it("stores a value, bumps the version and audits the change", async () => {
    const { team, assessmentId } = await startedTeam();
    const question = firstQuestionOfType(org.questionnaire, "agreement");

    const result = await saveAnswer(team.lead, {
      assessmentId,
      questionId: question.id,
      answer: { kind: "value", value: 4 },
      note: "Discussed in the retro",
      expectedVersion: 1,
    });

    expect(result.version).toBe(2);
    expect(result.answer).toMatchObject({
      questionId: question.id,
      kind: "value",
      value: 4,
      note: "Discussed in the retro",
      carriedOver: false,
      updatedBy: { id: team.lead.id, name: team.lead.name },
    });
    const stored = await db.answer.findUniqueOrThrow({
      where: { assessmentId_questionId: { assessmentId, questionId: question.id } },
    });
    expect(stored).toMatchObject({
      kind: "value",
      value: "4",
      reason: null,
      note: "Discussed in the retro",
      updatedById: team.lead.id,
    });
    const assessment = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    expect(assessment.version).toBe(2);
    const audit = await db.auditEvent.findMany({
      where: { entityId: assessmentId, action: "assessment.answer_saved" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: team.lead.id, teamId: team.id });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      questionId: question.id,
      kind: "value",
      value: "4",
    });
  });

  it("stores every answer type in its JSON form", async () => {
    const { team, assessmentId } = await startedTeam();
    const yesNo = firstQuestionOfType(org.questionnaire, "yesNo");
    const choice = firstQuestionOfType(org.questionnaire, "choice");
    const number = firstQuestionOfType(org.questionnaire, "number");
    if (choice.answer.type !== "choice" || number.answer.type !== "number")
      throw new Error("unexpected content");
    const option = choice.answer.options[1]!.value;
    const amount = number.answer.integer ? number.answer.min + 1 : number.answer.min + 1.5;

    let version = 1;
    for (const [questionId, value] of [
      [yesNo.id, false],
      [choice.id, option],
      [number.id, amount],
    ] as const) {
      ({ version } = await saveAnswer(team.member, {
        assessmentId,
        questionId,
        answer: { kind: "value", value },
        note: null,
        expectedVersion: version,
      }));
    }
    expect(version).toBe(4);
    const rows = await db.answer.findMany({ where: { assessmentId } });
    const valueOf = (questionId: string) => rows.find((row) => row.questionId === questionId)?.value;
    expect(valueOf(yesNo.id)).toBe("false");
    expect(valueOf(choice.id)).toBe(JSON.stringify(option));
    expect(valueOf(number.id)).toBe(String(amount));
    expect(rows.every((row) => row.updatedById === team.member.id)).toBe(true);
  });

  it("stores don't know and not applicable with its reason, trimmed", async () => {
    const { team, assessmentId } = await startedTeam();
    const dontKnow = firstQuestionOfType(
      org.questionnaire,
      "agreement",
      (question) => question.allowDontKnow,
    );
    const notApplicable = firstQuestionOfType(
      org.questionnaire,
      "yesNo",
      (question) => question.allowNotApplicable,
    );

    const first = await saveAnswer(team.lead, {
      assessmentId,
      questionId: dontKnow.id,
      answer: { kind: "dontKnow" },
      note: null,
      expectedVersion: 1,
    });
    const second = await saveAnswer(team.lead, {
      assessmentId,
      questionId: notApplicable.id,
      answer: { kind: "notApplicable", reason: "  We have no on-call budget of our own  " },
      note: "  ",
      expectedVersion: first.version,
    });

    expect(second.answer).toMatchObject({
      kind: "notApplicable",
      reason: "We have no on-call budget of our own",
      value: null,
    });
    const rows = await db.answer.findMany({ where: { assessmentId }, orderBy: { questionId: "asc" } });
    expect(rows.find((row) => row.questionId === dontKnow.id)).toMatchObject({
      kind: "dontKnow",
      value: null,
      reason: null,
    });
    expect(rows.find((row) => row.questionId === notApplicable.id)).toMatchObject({
      kind: "notApplicable",
      value: null,
      reason: "We have no on-call budget of our own",
    });
  });

  it("never stores stray properties of an answer", async () => {
    const { team, assessmentId } = await startedTeam();
    const question = firstQuestionOfType(
      org.questionnaire,
      "agreement",
      (candidate) => candidate.allowDontKnow,
    );
    await saveAnswer(team.lead, {
      assessmentId,
      questionId: question.id,
      answer: { kind: "dontKnow", value: 5, reason: "sneaky" },
      note: null,
      expectedVersion: 1,
    });
    const row = await db.answer.findUniqueOrThrow({
      where: { assessmentId_questionId: { assessmentId, questionId: question.id } },
    });
    expect(row).toMatchObject({ kind: "dontKnow", value: null, reason: null });
  });

  it("updates a note and clears an answer", async () => {
    const { team, assessmentId } = await startedTeam();
    const question = firstQuestionOfType(org.questionnaire, "agreement");
    const saved = await saveAnswer(team.lead, {
      assessmentId,
      questionId: question.id,
      answer: { kind: "value", value: 2 },
      note: null,
      expectedVersion: 1,
    });
    const noted = await saveAnswer(team.lead, {
      assessmentId,
      questionId: question.id,
      answer: { kind: "value", value: 2 },
      note: "Only true for the legacy service",
      expectedVersion: saved.version,
    });
    expect(noted.answer?.note).toBe("Only true for the legacy service");

    const cleared = await saveAnswer(team.lead, {
      assessmentId,
      questionId: question.id,
      answer: null,
      note: null,
      expectedVersion: noted.version,
    });
    expect(cleared).toEqual({ version: 4, answer: null, contradiction: null });
    expect(await db.answer.count({ where: { assessmentId } })).toBe(0);
    const actions = (await snapshotAssessment(assessmentId)).audit.map((event) => event.action);
    expect(actions).toEqual([
      "assessment.started",
      "assessment.answer_saved",
      "assessment.answer_saved",
      "assessment.answer_cleared",
    ]);
  });

  it("saves into a reopened assessment", async () => {
    const { team, assessmentId } = await startedTeam();
    await db.assessment.update({ where: { id: assessmentId }, data: { status: "reopened" } });
    const question = firstQuestionOfType(org.questionnaire, "agreement");
    const result = await saveAnswer(team.lead, {
      assessmentId,
      questionId: question.id,
      answer: { kind: "value", value: 5 },
      note: null,
      expectedVersion: 1,
    });
    expect(result.version).toBe(2);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { confirmCarriedOverAnswers, saveAnswer, startAssessment } from "@/server/assessments/mutations";
import { getQuestionnairePage } from "@/server/assessments/queries";
import {
  completeAnswers,
  createOrganisation,
  createSubmittedAssessment,
  createTeam,
  type TestOrganisation,
} from "./fixtures";

describe("starting an assessment from last quarter's answers", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  it("starts empty when the team has no submitted assessment", async () => {
    const team = await createTeam(org.orgUnitId);
    const started = await startAssessment(team.member, { teamSlug: team.slug });
    expect(started).toMatchObject({ created: true, carriedOver: 0 });
    const assessment = await db.assessment.findUniqueOrThrow({ where: { id: started.assessmentId } });
    expect(assessment).toMatchObject({
      teamId: team.id,
      cycleId: org.openCycle.id,
      status: "draft",
      version: 1,
      carriedFromId: null,
    });
    expect(await db.answer.count({ where: { assessmentId: started.assessmentId } })).toBe(0);
  });

  it("carries every answer of the last submitted assessment, each awaiting confirmation", async () => {
    const team = await createTeam(org.orgUnitId);
    const previousAnswers = completeAnswers(org.questionnaire, 0.25);
    const previous = await createSubmittedAssessment(team.id, org.previousCycle.id, previousAnswers);

    const started = await startAssessment(team.lead, { teamSlug: team.slug });

    expect(started.carriedOver).toBe(Object.keys(previousAnswers).length);
    const assessment = await db.assessment.findUniqueOrThrow({ where: { id: started.assessmentId } });
    expect(assessment.carriedFromId).toBe(previous.id);
    const rows = await db.answer.findMany({ where: { assessmentId: started.assessmentId } });
    expect(rows).toHaveLength(Object.keys(previousAnswers).length);
    expect(rows.every((row) => row.carriedOver && row.updatedById === null)).toBe(true);
    for (const row of rows) {
      const answer = previousAnswers[row.questionId]!;
      expect(row.kind).toBe(answer.kind);
      if (answer.kind === "value") expect(JSON.parse(row.value!)).toEqual(answer.value);
    }
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: started.assessmentId, action: "assessment.started" },
    });
    expect(JSON.parse(audit.after!)).toMatchObject({
      carriedFromCycle: org.previousCycle.name,
      carriedOver: rows.length,
    });

    const page = await getQuestionnairePage(team.lead, team.slug);
    expect(page.kind).toBe("editable");
    if (page.kind === "editable") {
      expect(page.session.carriedFromCycleName).toBe(org.previousCycle.name);
      expect(Object.values(page.session.answers).every((answer) => answer.carriedOver)).toBe(true);
    }
  });

  it("carries not-applicable reasons and don't-know answers; drafts of earlier quarters are not used", async () => {
    const team = await createTeam(org.orgUnitId);
    const section = org.questionnaire.sections.find((candidate) =>
      candidate.questions.some((question) => question.allowNotApplicable),
    )!;
    const notApplicable = section.questions.find((question) => question.allowNotApplicable)!;
    const dontKnow = section.questions.find(
      (question) => question.allowDontKnow && question.id !== notApplicable.id,
    )!;
    await createSubmittedAssessment(team.id, org.previousCycle.id, {
      [notApplicable.id]: { kind: "notApplicable", reason: "No shared budget here" },
      [dontKnow.id]: { kind: "dontKnow" },
    });
    // An unsubmitted draft of an older quarter must not be the source.
    const older = await db.cycle.create({
      data: {
        name: "2026 Q2",
        year: 2026,
        quarter: 2,
        opensOn: new Date("2026-04-01T00:00:00Z"),
        closesOn: new Date("2026-06-15T00:00:00Z"),
        questionnaireId: org.questionnaire.id,
        status: "closed",
      },
    });
    await db.assessment.create({ data: { teamId: team.id, cycleId: older.id, status: "draft" } });

    const started = await startAssessment(team.lead, { teamSlug: team.slug });
    const rows = await db.answer.findMany({
      where: { assessmentId: started.assessmentId },
      orderBy: { questionId: "asc" },
    });
    expect(rows.map((row) => [row.questionId, row.kind, row.reason, row.carriedOver])).toEqual(
      [
        [notApplicable.id, "notApplicable", "No shared budget here", true],
        [dontKnow.id, "dontKnow", null, true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it("starting twice returns the same assessment", async () => {
    const team = await createTeam(org.orgUnitId);
    const first = await startAssessment(team.lead, { teamSlug: team.slug });
    const second = await startAssessment(team.member, { teamSlug: team.slug });
    expect(second).toEqual({ assessmentId: first.assessmentId, created: false, carriedOver: 0 });
    expect(await db.assessment.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("confirming one answer, or a whole section, clears the carried-over flags", async () => {
    const team = await createTeam(org.orgUnitId);
    await createSubmittedAssessment(team.id, org.previousCycle.id, completeAnswers(org.questionnaire, 0.75));
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    const [firstSection, secondSection] = org.questionnaire.sections;
    const single = firstSection!.questions[0]!.id;

    const one = await confirmCarriedOverAnswers(team.member, {
      assessmentId,
      questionIds: [single],
      expectedVersion: 1,
    });
    expect(one.version).toBe(2);
    expect(one.answers).toEqual([
      expect.objectContaining({
        questionId: single,
        carriedOver: false,
        updatedBy: { id: team.member.id, name: team.member.name },
      }),
    ]);

    const sectionIds = secondSection!.questions.map((question) => question.id);
    const all = await confirmCarriedOverAnswers(team.lead, {
      assessmentId,
      questionIds: sectionIds,
      expectedVersion: one.version,
    });
    expect(all.version).toBe(3);
    expect(all.answers.every((answer) => !answer.carriedOver)).toBe(true);

    const stillCarried = await db.answer.findMany({
      where: { assessmentId, carriedOver: true },
      select: { questionId: true },
    });
    const confirmed = new Set([single, ...sectionIds]);
    expect(stillCarried.some((row) => confirmed.has(row.questionId))).toBe(false);
    expect(stillCarried.length).toBe((await db.answer.count({ where: { assessmentId } })) - confirmed.size);
    const audit = await db.auditEvent.findMany({
      where: { entityId: assessmentId, action: "assessment.answers_confirmed" },
    });
    expect(audit.map((event) => JSON.parse(event.after!).questionIds.length)).toEqual([1, sectionIds.length]);
  });

  it("changing a carried-over answer confirms it; editing only its note does not", async () => {
    const team = await createTeam(org.orgUnitId);
    const previous = completeAnswers(org.questionnaire, 0);
    await createSubmittedAssessment(team.id, org.previousCycle.id, previous);
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    const agreement = org.questionnaire.sections
      .flatMap((section) => section.questions)
      .filter((question) => question.answer.type === "agreement");
    const [changed, noted] = agreement;

    const afterChange = await saveAnswer(team.lead, {
      assessmentId,
      questionId: changed!.id,
      answer: { kind: "value", value: 5 },
      note: null,
      expectedVersion: 1,
    });
    expect(afterChange.answer?.carriedOver).toBe(false);

    const afterNote = await saveAnswer(team.lead, {
      assessmentId,
      questionId: noted!.id,
      answer: previous[noted!.id]!,
      note: "Still true",
      expectedVersion: afterChange.version,
    });
    expect(afterNote.answer).toMatchObject({ carriedOver: true, note: "Still true" });
  });
});

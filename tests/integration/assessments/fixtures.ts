/**
 * A small organisation of its own for the assessment workflow tests: one org unit, teams with a
 * lead and a member each, an admin, a head of engineering, a closed previous cycle and an open one.
 */
import { randomUUID } from "node:crypto";
import { roleScopeKey, type Actor } from "@/domain/access/policy";
import { latestQuestionnaire } from "@/domain/content";
import type { Answer, Questionnaire } from "@/domain/content/schema";
import { db } from "@/server/db";
import { loadActor } from "@/server/auth/session";

let sequence = 0;
function unique(prefix: string): string {
  sequence++;
  return `${prefix}-${sequence}-${randomUUID().slice(0, 6)}`;
}

export async function createPerson(name: string, roles: { role: string; teamId?: string }[]): Promise<Actor> {
  const id = randomUUID();
  await db.user.create({ data: { id, name, email: `${unique("person")}@example.test` } });
  for (const role of roles)
    await db.roleAssignment.create({
      data: { userId: id, role: role.role, teamId: role.teamId ?? null, scopeKey: roleScopeKey(role) },
    });
  const actor = await loadActor(id);
  if (!actor) throw new Error("the test person could not be loaded");
  return actor;
}

export interface TestTeam {
  id: string;
  slug: string;
  name: string;
  lead: Actor;
  member: Actor;
}

export async function createTeam(orgUnitId: string, name = "Checkout"): Promise<TestTeam> {
  const slug = unique(name.toLowerCase());
  const team = await db.team.create({ data: { name, slug, orgUnitId } });
  const lead = await createPerson(`${name} Lead`, [{ role: "team_lead", teamId: team.id }]);
  const member = await createPerson(`${name} Member`, [{ role: "member", teamId: team.id }]);
  return { id: team.id, slug, name, lead, member };
}

export interface TestOrganisation {
  orgUnitId: string;
  questionnaire: Questionnaire;
  previousCycle: { id: string; name: string };
  openCycle: { id: string; name: string };
  admin: Actor;
  head: Actor;
}

/** Cycles are organisation-wide, so each test file creates its organisation once. */
export async function createOrganisation(): Promise<TestOrganisation> {
  const unit = await db.orgUnit.create({ data: { name: "Payments", slug: unique("payments") } });
  const questionnaire = latestQuestionnaire();
  const previousCycle = await db.cycle.create({
    data: {
      name: "2026 Q3",
      year: 2026,
      quarter: 3,
      opensOn: new Date("2026-07-01T00:00:00Z"),
      closesOn: new Date("2026-09-15T00:00:00Z"),
      questionnaireId: questionnaire.id,
      status: "closed",
    },
  });
  const openCycle = await db.cycle.create({
    data: {
      name: "2026 Q4",
      year: 2026,
      quarter: 4,
      opensOn: new Date("2026-10-01T00:00:00Z"),
      closesOn: new Date("2026-12-15T00:00:00Z"),
      questionnaireId: questionnaire.id,
      status: "open",
    },
  });
  const admin = await createPerson("Morgan Admin", [{ role: "admin" }]);
  const head = await createPerson("Priya Head", [{ role: "head_of_engineering" }]);
  return {
    orgUnitId: unit.id,
    questionnaire,
    previousCycle: { id: previousCycle.id, name: previousCycle.name },
    openCycle: { id: openCycle.id, name: openCycle.name },
    admin,
    head,
  };
}

/** A valid answer to every question (team context included), varied by `level` (0..1). */
export function completeAnswers(questionnaire: Questionnaire, level = 0.5): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  const questions = [
    ...questionnaire.context,
    ...questionnaire.sections.flatMap((section) => section.questions),
  ];
  for (const question of questions) {
    const type = question.answer;
    switch (type.type) {
      case "agreement":
        answers[question.id] = { kind: "value", value: 1 + Math.round(level * 4) };
        break;
      case "yesNo":
        answers[question.id] = { kind: "value", value: level >= 0.5 };
        break;
      case "choice":
        answers[question.id] = {
          kind: "value",
          value: type.options[Math.round(level * (type.options.length - 1))]!.value,
        };
        break;
      case "number": {
        const value = type.min + level * (type.max - type.min);
        answers[question.id] = { kind: "value", value: type.integer ? Math.round(value) : value };
        break;
      }
    }
  }
  return answers;
}

export function storedColumns(answer: Answer) {
  return {
    kind: answer.kind,
    value: answer.kind === "value" ? JSON.stringify(answer.value) : null,
    reason: answer.kind === "notApplicable" ? answer.reason : null,
  };
}

/** A submitted assessment in the previous cycle holding `answers`, as the demo seed stores one. */
export async function createSubmittedAssessment(
  teamId: string,
  cycleId: string,
  answers: Record<string, Answer>,
) {
  const assessment = await db.assessment.create({
    data: {
      teamId,
      cycleId,
      status: "submitted",
      submittedAt: new Date("2026-09-10T00:00:00Z"),
      overallScore: 40,
      overallBand: "medium",
    },
  });
  await db.answer.createMany({
    data: Object.entries(answers).map(([questionId, answer]) => ({
      assessmentId: assessment.id,
      questionId,
      ...storedColumns(answer),
    })),
  });
  return assessment;
}

/** Everything a workflow step may change, to assert that a refused request changed nothing. */
export async function snapshotAssessment(assessmentId: string) {
  const [assessment, answers, results, audit] = await Promise.all([
    db.assessment.findUnique({
      where: { id: assessmentId },
      select: {
        status: true,
        version: true,
        overallScore: true,
        overallBand: true,
        submittedAt: true,
        submittedById: true,
      },
    }),
    db.answer.findMany({
      where: { assessmentId },
      orderBy: { questionId: "asc" },
      select: {
        questionId: true,
        kind: true,
        value: true,
        reason: true,
        note: true,
        carriedOver: true,
        updatedById: true,
        updatedAt: true,
      },
    }),
    db.pitfallResult.findMany({ where: { assessmentId }, orderBy: { pitfallId: "asc" } }),
    db.auditEvent.findMany({ where: { entityId: assessmentId }, orderBy: { at: "asc" } }),
  ]);
  return { assessment, answers, results, audit };
}

export function firstQuestionOfType(
  questionnaire: Questionnaire,
  type: string,
  extra: (question: { allowDontKnow: boolean; allowNotApplicable: boolean }) => boolean = () => true,
) {
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      if (question.answer.type === type && extra(question)) return question;
    }
  }
  throw new Error(`the questionnaire has no ${type} question`);
}

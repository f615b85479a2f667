/**
 * An organisation of its own for the plan and export tests: two org units, a team with a lead and
 * a member (non-ASCII names), a coach per unit, an admin and a head of engineering, and two past
 * cycles whose submitted assessments were scored by the real engine and stored as the app stores
 * them. The team is riskier in the older cycle, so the closed loop has something to show.
 */
import { randomUUID } from "node:crypto";
import { roleScopeKey, type Actor } from "@/domain/access/policy";
import { content, latestQuestionnaire } from "@/domain/content";
import type { Answer, Questionnaire } from "@/domain/content/schema";
import { storedAssessmentColumns, toStoredPitfallResults } from "@/domain/results/stored-results";
import { compileQuestionnaire, scoreAssessment } from "@/domain/scoring";
import { loadActor } from "@/server/auth/session";
import { db } from "@/server/db";

let sequence = 0;
function unique(prefix: string): string {
  sequence++;
  return `${prefix}-${sequence}-${randomUUID().slice(0, 6)}`;
}

export async function createPerson(
  name: string,
  roles: { role: string; teamId?: string; orgUnitId?: string }[],
  email = `${unique("person")}@example.test`,
): Promise<Actor> {
  const id = randomUUID();
  await db.user.create({ data: { id, name, email } });
  for (const role of roles) {
    await db.roleAssignment.create({
      data: {
        userId: id,
        role: role.role,
        teamId: role.teamId ?? null,
        orgUnitId: role.orgUnitId ?? null,
        scopeKey: roleScopeKey(role),
      },
    });
  }
  const actor = await loadActor(id);
  if (!actor) throw new Error("the test person could not be loaded");
  return actor;
}

type AnswerType = Questionnaire["sections"][number]["questions"][number]["answer"];

/** An answer carrying roughly `level` of risk (0 healthy .. 1 risky). */
function answerAt(type: AnswerType, level: number): Answer {
  switch (type.type) {
    case "agreement":
      return {
        kind: "value",
        value: type.riskyWhen === "agree" ? 1 + Math.round(level * 4) : 5 - Math.round(level * 4),
      };
    case "yesNo":
      return { kind: "value", value: level >= 0.5 ? type.riskyAnswer === "yes" : type.riskyAnswer !== "yes" };
    case "choice": {
      const byRisk = [...type.options].sort((a, b) => a.risk - b.risk);
      return { kind: "value", value: byRisk[Math.round(level * (byRisk.length - 1))]!.value };
    }
    case "number": {
      const byRisk = [...type.riskCurve].sort((a, b) => a.risk - b.risk);
      const target = byRisk[Math.round(level * (byRisk.length - 1))]!.at;
      const value = Math.min(type.max, Math.max(type.min, target));
      return { kind: "value", value: type.integer ? Math.round(value) : value };
    }
  }
}

function contextAnswers(questionnaire: Questionnaire): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const question of questionnaire.context) {
    const type = question.answer;
    answers[question.id] =
      type.type === "yesNo"
        ? { kind: "value", value: false }
        : type.type === "choice"
          ? { kind: "value", value: type.options[0]!.value }
          : {
              kind: "value",
              value: type.integer ? Math.round((type.min + type.max) / 2) : (type.min + type.max) / 2,
            };
  }
  return answers;
}

/** A submitted assessment with stored results, as the submit workflow leaves one. */
export async function createScoredAssessment(
  teamId: string,
  cycleId: string,
  level: number,
  submittedAt: Date,
) {
  const questionnaire = latestQuestionnaire();
  const compiled = compileQuestionnaire({
    questionnaire,
    pitfalls: content.pitfalls,
    countermeasures: content.countermeasures,
  });
  const pitfallAnswers: Record<string, Answer> = {};
  for (const section of questionnaire.sections) {
    for (const question of section.questions) pitfallAnswers[question.id] = answerAt(question.answer, level);
  }
  const score = scoreAssessment(compiled, pitfallAnswers, contextAnswers(questionnaire));
  const assessment = await db.assessment.create({
    data: {
      teamId,
      cycleId,
      status: "submitted",
      submittedAt,
      ...storedAssessmentColumns(score),
    },
  });
  await db.pitfallResult.createMany({
    data: toStoredPitfallResults(score).map((result) => ({ assessmentId: assessment.id, ...result })),
  });
  return assessment;
}

export interface PlanTestTeam {
  id: string;
  slug: string;
  name: string;
  lead: Actor;
  member: Actor;
}

/** A team in place since before the first cycle: it is one of every cycle's teams. */
export async function createTeam(orgUnitId: string, name: string): Promise<PlanTestTeam> {
  const slug = unique("team");
  const team = await db.team.create({
    data: { name, slug, orgUnitId, createdAt: new Date("2026-01-01T00:00:00Z") },
  });
  const lead = await createPerson(
    "Zoë Müller-Łukasz",
    [{ role: "team_lead", teamId: team.id }],
    `${unique("zoe")}@example.test`,
  );
  const member = await createPerson("Riley Chén", [{ role: "member", teamId: team.id }]);
  return { id: team.id, slug, name, lead, member };
}

export interface PlanTestOrganisation {
  unit: { id: string; slug: string; name: string };
  otherUnit: { id: string; slug: string; name: string };
  q2: { id: string; name: string };
  q3: { id: string; name: string };
  open: { id: string; name: string };
  coach: Actor;
  otherCoach: Actor;
  head: Actor;
  admin: Actor;
}

const DAY = 86_400_000;

/**
 * Cycles are organisation-wide, so each test file creates its organisation once. The open cycle
 * spans today, so "done this cycle" includes items completed during a test.
 */
export async function createPlanOrganisation(): Promise<PlanTestOrganisation> {
  const questionnaireId = latestQuestionnaire().id;
  const unit = await db.orgUnit.create({ data: { name: "Zahlungen, Kassé", slug: unique("payments") } });
  const otherUnit = await db.orgUnit.create({ data: { name: "Logistics", slug: unique("logistics") } });
  const cycle = (
    name: string,
    year: number,
    quarter: number,
    opensOn: Date,
    closesOn: Date,
    status: string,
  ) => db.cycle.create({ data: { name, year, quarter, opensOn, closesOn, questionnaireId, status } });
  const q2 = await cycle(
    "2026 Q2",
    2026,
    2,
    new Date("2026-04-01T00:00:00Z"),
    new Date("2026-06-15T00:00:00Z"),
    "closed",
  );
  const q3 = await cycle(
    "2026 Q3",
    2026,
    3,
    new Date("2026-07-01T00:00:00Z"),
    new Date("2026-09-15T00:00:00Z"),
    "closed",
  );
  const now = Date.now();
  const open = await cycle("2026 Q4", 2026, 4, new Date(now - 30 * DAY), new Date(now + 30 * DAY), "open");
  return {
    unit: { id: unit.id, slug: unit.slug, name: unit.name },
    otherUnit: { id: otherUnit.id, slug: otherUnit.slug, name: otherUnit.name },
    q2: { id: q2.id, name: q2.name },
    q3: { id: q3.id, name: q3.name },
    open: { id: open.id, name: open.name },
    coach: await createPerson("Sam Coach", [{ role: "coach", orgUnitId: unit.id }]),
    otherCoach: await createPerson("Lena Coach", [{ role: "coach", orgUnitId: otherUnit.id }]),
    head: await createPerson("Priya Head", [{ role: "head_of_engineering" }]),
    admin: await createPerson("Morgan Admin", [{ role: "admin" }]),
  };
}

/** Everything a plan change may touch, to assert that a refused request changed nothing. */
export async function snapshotPlan(teamId: string) {
  const [items, audit] = await Promise.all([
    db.planItem.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ where: { teamId, entityType: "plan_item" }, orderBy: { id: "asc" } }),
  ]);
  return { items, audit };
}

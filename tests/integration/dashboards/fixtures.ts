/**
 * A small organisation with known scores for the dashboard tests: three org units, five teams,
 * people in every role and three cycles (2026 Q2 and Q3 closed, Q4 open). Scores are written
 * directly so the tests can assert exact averages, trends and percentiles; the explanation JSON is
 * the real scoring engine's output, so the "why this score" view reads what production stores.
 */
import { randomUUID } from "node:crypto";
import { roleScopeKey, type Actor } from "@/domain/access/policy";
import { content, latestQuestionnaire } from "@/domain/content";
import { PITFALL_IDS, type Answer, type PitfallId } from "@/domain/content/schema";
import { toStoredPitfallResults } from "@/domain/results/stored-results";
import { bandForScore, scoreAssessment } from "@/domain/scoring";
import { loadActor } from "@/server/auth/session";
import { db } from "@/server/db";

async function person(
  name: string,
  roles: { role: string; teamId?: string; orgUnitId?: string }[],
): Promise<Actor> {
  const id = randomUUID();
  await db.user.create({ data: { id, name, email: `${id}@example.test` } });
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
  if (!actor) throw new Error(`${name} could not be loaded`);
  return actor;
}

/** Explanation JSON from the real engine for an assessment answering every question as riskily as possible. */
function realDetails(): Map<string, string> {
  const questionnaire = latestQuestionnaire();
  const answers: Record<string, Answer> = {};
  for (const question of questionnaire.sections.flatMap((section) => section.questions)) {
    const answer = question.answer;
    const value =
      answer.type === "agreement"
        ? answer.riskyWhen === "agree"
          ? 5
          : 1
        : answer.type === "yesNo"
          ? answer.riskyAnswer === "yes"
          : answer.type === "choice"
            ? [...answer.options].sort((a, b) => b.risk - a.risk)[0]!.value
            : [...answer.riskCurve].sort((a, b) => b.risk - a.risk)[0]!.at;
    answers[question.id] = { kind: "value", value };
  }
  const score = scoreAssessment(
    { questionnaire, pitfalls: content.pitfalls, countermeasures: content.countermeasures },
    answers,
  );
  return new Map(toStoredPitfallResults(score).map((result) => [result.pitfallId, result.detail]));
}

export type Scores = Partial<Record<PitfallId | "overall", number>>;

export interface DashboardOrganisation {
  units: { payments: string; customerExperience: string; logistics: string };
  teams: Record<"checkout" | "billing" | "search" | "accounts" | "returns", { id: string; slug: string }>;
  cycles: { q2: string; q3: string; q4: string };
  head: Actor;
  admin: Actor;
  /** Coaches Payments and Customer Experience. */
  coach: Actor;
  /** Coaches Logistics only. */
  logisticsCoach: Actor;
  /** Leads Checkout. */
  lead: Actor;
  /** A member of Search. */
  member: Actor;
  nobody: Actor;
}

const details = realDetails();

/** A submitted assessment with the given scores (others 5) and on-call context. */
export async function submit(
  teamId: string,
  cycleId: string,
  scores: Scores,
  context: { target?: string; setup?: string } = {},
): Promise<string> {
  const pitfallScores = PITFALL_IDS.map((pitfallId) => scores[pitfallId] ?? 5);
  const overall =
    scores.overall ??
    Math.round((pitfallScores.reduce((sum, score) => sum + score, 0) / pitfallScores.length) * 10) / 10;
  const assessment = await db.assessment.create({
    data: {
      teamId,
      cycleId,
      status: "submitted",
      submittedAt: new Date("2026-09-01T00:00:00Z"),
      overallScore: overall,
      overallBand: bandForScore(overall),
    },
  });
  await db.pitfallResult.createMany({
    data: PITFALL_IDS.map((pitfallId, index) => ({
      assessmentId: assessment.id,
      pitfallId,
      status: "scored",
      score: pitfallScores[index]!,
      band: bandForScore(pitfallScores[index]!),
      confidence: 0.8,
      detail: details.get(pitfallId) ?? "{}",
    })),
  });
  const contextAnswers = [
    ["availability-target", context.target],
    ["out-of-hours-on-call-setup", context.setup],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (contextAnswers.length) {
    await db.answer.createMany({
      data: contextAnswers.map(([questionId, value]) => ({
        assessmentId: assessment.id,
        questionId,
        kind: "value",
        value: JSON.stringify(value),
      })),
    });
  }
  return assessment.id;
}

export async function draft(teamId: string, cycleId: string): Promise<void> {
  await db.assessment.create({ data: { teamId, cycleId, status: "draft" } });
}

export async function createDashboardOrganisation(): Promise<DashboardOrganisation> {
  const unit = (name: string, slug: string) => db.orgUnit.create({ data: { name, slug } });
  const payments = await unit("Payments", "payments");
  const customerExperience = await unit("Customer Experience", "customer-experience");
  const logistics = await unit("Logistics", "logistics");
  const team = async (name: string, slug: string, orgUnitId: string) => {
    // In place since before the first cycle: a team belongs only to cycles due after it was added.
    const created = await db.team.create({
      data: { name, slug, orgUnitId, createdAt: new Date("2026-01-01T00:00:00Z") },
    });
    return { id: created.id, slug };
  };
  const teams = {
    checkout: await team("Checkout", "checkout", payments.id),
    billing: await team("Billing", "billing", payments.id),
    search: await team("Search", "search", customerExperience.id),
    accounts: await team("Accounts", "accounts", customerExperience.id),
    returns: await team("Returns", "returns", logistics.id),
  };
  const cycle = (year: number, quarter: number, status: string) =>
    db.cycle.create({
      data: {
        name: `${year} Q${quarter}`,
        year,
        quarter,
        opensOn: new Date(Date.UTC(year, (quarter - 1) * 3, 1)),
        closesOn: new Date(Date.UTC(year, (quarter - 1) * 3 + 2, 15)),
        questionnaireId: latestQuestionnaire().id,
        status,
      },
    });
  const q2 = await cycle(2026, 2, "closed");
  const q3 = await cycle(2026, 3, "closed");
  const q4 = await cycle(2026, 4, "open");
  // A planned cycle holds no assessments and never appears on a dashboard.
  await cycle(2027, 1, "planned");

  return {
    units: { payments: payments.id, customerExperience: customerExperience.id, logistics: logistics.id },
    teams,
    cycles: { q2: q2.id, q3: q3.id, q4: q4.id },
    head: await person("Head", [{ role: "head_of_engineering" }]),
    admin: await person("Admin", [{ role: "admin" }]),
    coach: await person("Coach", [
      { role: "coach", orgUnitId: payments.id },
      { role: "coach", orgUnitId: customerExperience.id },
    ]),
    logisticsCoach: await person("Logistics coach", [{ role: "coach", orgUnitId: logistics.id }]),
    lead: await person("Lead", [{ role: "team_lead", teamId: teams.checkout.id }]),
    member: await person("Member", [{ role: "member", teamId: teams.search.id }]),
    nobody: await person("Nobody", []),
  };
}

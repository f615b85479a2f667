/**
 * Loads the demo organisation into an empty database: org units, teams, people in every role,
 * four closed quarters of submitted assessments (scored by the real engine) and the current
 * quarter in progress. Everything happens in one transaction, so a failure leaves nothing behind.
 */
import { randomUUID } from "node:crypto";
import type { Answer, Questionnaire } from "../../src/domain/content/schema";
import { compileQuestionnaire, scoreAssessment, type CompiledQuestionnaire } from "../../src/domain/scoring";
import { storedAssessmentColumns, toStoredPitfallResults } from "../../src/domain/results/stored-results";
import type { AppPrismaClient } from "../../src/server/prisma-client";
import { content, latestQuestionnaire } from "../../src/domain/content";
import {
  cycleDates,
  cycleName,
  demoCycles,
  demoNamedPeople,
  demoOrgUnits,
  demoTeamPeople,
  type DemoPerson,
} from "./demo-organisation";
import { hashDemoPassword } from "./demo-password";
import { createRandom, syntheticAssessmentAnswers, type Random } from "./synthetic-answers";
import { syntheticTeamContext } from "./synthetic-context";

type Transaction = Parameters<Parameters<AppPrismaClient["$transaction"]>[0]>[0];

export interface DemoSeedOutcome {
  seeded: boolean;
  orgUnits: number;
  teams: number;
  people: number;
  cycles: number;
}

/** True when the database holds no organisation, people or cycles at all. */
export async function isDatabaseEmpty(client: AppPrismaClient): Promise<boolean> {
  const [users, orgUnits, teams, cycles] = await Promise.all([
    client.user.count(),
    client.orgUnit.count(),
    client.team.count(),
    client.cycle.count(),
  ]);
  return users + orgUnits + teams + cycles === 0;
}

export async function seedDemoIfEmpty(client: AppPrismaClient): Promise<DemoSeedOutcome> {
  if (!(await isDatabaseEmpty(client))) {
    return { seeded: false, orgUnits: 0, teams: 0, people: 0, cycles: 0 };
  }
  const passwordHash = await hashDemoPassword();
  const questionnaire = latestQuestionnaire();
  const compiled = compileQuestionnaire({
    questionnaire,
    pitfalls: content.pitfalls,
    countermeasures: content.countermeasures,
  });
  const notSeeded = { seeded: false, orgUnits: 0, teams: 0, people: 0, cycles: 0 };
  try {
    return await client.$transaction(
      async (tx) => {
        // Re-checked inside the transaction: another instance may have seeded meanwhile.
        const existing = await tx.orgUnit.count();
        if (existing > 0) return notSeeded;
        return seedDemo(tx, questionnaire, compiled, passwordHash);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Two instances starting together on PostgreSQL can both pass the check; the loser hits the
    // unique slugs and rolls back whole, leaving the winner's demo data.
    if ((error as { code?: string }).code === "P2002" && !(await isDatabaseEmpty(client))) return notSeeded;
    throw error;
  }
}

async function seedDemo(
  tx: Transaction,
  questionnaire: Questionnaire,
  compiled: CompiledQuestionnaire,
  passwordHash: string,
): Promise<DemoSeedOutcome> {
  const random = createRandom(20261127);
  const orgUnitIds = new Map<string, string>();
  const teamIds = new Map<string, string>();

  for (const unit of demoOrgUnits) {
    const orgUnit = await tx.orgUnit.create({ data: { name: unit.name, slug: unit.slug } });
    orgUnitIds.set(unit.slug, orgUnit.id);
    for (const team of unit.teams) {
      const created = await tx.team.create({ data: { name: team.name, slug: team.slug, orgUnitId: orgUnit.id } });
      teamIds.set(team.slug, created.id);
    }
  }

  const people: DemoPerson[] = [...demoNamedPeople, ...demoTeamPeople()];
  const leadIdByTeam = new Map<string, string>();
  for (const person of people) {
    const userId = randomUUID();
    await tx.user.create({ data: { id: userId, email: person.email, name: person.name, emailVerified: true } });
    await tx.account.create({
      data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password: passwordHash },
    });
    for (const role of person.roles) {
      await tx.roleAssignment.create({
        data: {
          userId,
          role: role.role,
          teamId: "teamSlug" in role ? teamIds.get(role.teamSlug) : null,
          orgUnitId: "orgUnitSlug" in role ? orgUnitIds.get(role.orgUnitSlug) : null,
        },
      });
      if (role.role === "team_lead") leadIdByTeam.set(role.teamSlug, userId);
    }
  }

  const teams = demoOrgUnits.flatMap((unit) => unit.teams);
  const profiles = new Map(teams.map((team) => [team.slug, teamProfile(questionnaire, random)]));
  let previousAssessmentByTeam = new Map<string, string>();

  for (const [cycleIndex, demoCycle] of demoCycles.entries()) {
    const { opensOn, closesOn } = cycleDates(demoCycle.year, demoCycle.quarter);
    const cycle = await tx.cycle.create({
      data: {
        name: cycleName(demoCycle.year, demoCycle.quarter),
        year: demoCycle.year,
        quarter: demoCycle.quarter,
        opensOn,
        closesOn,
        questionnaireId: questionnaire.id,
        status: demoCycle.status,
      },
    });
    const currentAssessmentByTeam = new Map<string, string>();

    for (const [teamIndex, team] of teams.entries()) {
      const profile = profiles.get(team.slug)!;
      const state = assessmentStateFor(demoCycle.status, cycleIndex, teamIndex);
      if (state === "none") continue;
      const propensity = propensityAt(profile, cycleIndex);
      const answers: Record<string, Answer> = {
        ...syntheticAssessmentAnswers(questionnaire, propensity, random),
        ...profile.context,
      };
      const leadId = leadIdByTeam.get(team.slug) ?? null;
      const submittedAt = new Date(closesOn.getTime() - (3 + Math.floor(random() * 20)) * 86_400_000);
      const assessment = await tx.assessment.create({
        data: {
          teamId: teamIds.get(team.slug)!,
          cycleId: cycle.id,
          status: state,
          carriedFromId: previousAssessmentByTeam.get(team.slug) ?? null,
          submittedAt: state === "submitted" ? submittedAt : null,
          submittedById: state === "submitted" ? leadId : null,
        },
      });
      currentAssessmentByTeam.set(team.slug, assessment.id);

      // A draft holds roughly the first half of the questionnaire.
      const answerEntries = Object.entries(answers).filter(
        (_, index) => state === "submitted" || index % 2 === 0,
      );
      await tx.answer.createMany({
        data: answerEntries.map(([questionId, answer]) => ({
          assessmentId: assessment.id,
          questionId,
          kind: answer.kind,
          value: answer.kind === "value" ? JSON.stringify(answer.value) : null,
          reason: answer.kind === "notApplicable" ? answer.reason : null,
          updatedById: leadId,
        })),
      });

      if (state === "submitted") {
        const contextAnswers = profile.context;
        const pitfallAnswers = Object.fromEntries(
          Object.entries(answers).filter(([questionId]) => !(questionId in contextAnswers)),
        );
        const score = scoreAssessment(compiled, pitfallAnswers, contextAnswers);
        const stored = storedAssessmentColumns(score);
        await tx.pitfallResult.createMany({
          data: toStoredPitfallResults(score).map((result) => ({ assessmentId: assessment.id, ...result })),
        });
        await tx.assessment.update({
          where: { id: assessment.id },
          data: stored,
        });
        await tx.auditEvent.create({
          data: {
            at: submittedAt,
            actorId: leadId,
            action: "assessment.submitted",
            entityType: "assessment",
            entityId: assessment.id,
            teamId: teamIds.get(team.slug)!,
            after: JSON.stringify({
              overallScore: stored.overallScore,
              overallBand: stored.overallBand,
              scoringMethodVersion: stored.scoringMethodVersion,
            }),
          },
        });
      }
    }
    previousAssessmentByTeam = currentAssessmentByTeam;
  }

  return {
    seeded: true,
    orgUnits: demoOrgUnits.length,
    teams: teams.length,
    people: people.length,
    cycles: demoCycles.length,
  };
}

interface TeamProfile {
  /** Risk propensity per pitfall in the oldest cycle. */
  start: Record<string, number>;
  /** Change per quarter: most teams improve, some slide. */
  drift: Record<string, number>;
  context: Record<string, Answer>;
}

function teamProfile(questionnaire: Questionnaire, random: Random): TeamProfile {
  const start: Record<string, number> = {};
  const drift: Record<string, number> = {};
  const tendency = random() < 0.7 ? -1 : 1;
  for (const section of questionnaire.sections) {
    start[section.pitfallId] = Math.pow(random(), 1.4) * 0.9;
    drift[section.pitfallId] = tendency * random() * 0.06;
  }
  return { start, drift, context: syntheticTeamContext(questionnaire, random) };
}

function propensityAt(profile: TeamProfile, cycleIndex: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [pitfallId, start] of Object.entries(profile.start)) {
    result[pitfallId] = Math.min(1, Math.max(0, start + (profile.drift[pitfallId] ?? 0) * cycleIndex));
  }
  return result;
}

/**
 * Closed cycles: almost every team submitted (one team joined late). The open cycle: a mix of
 * submitted, in-progress and not-started teams, as in a real quarter. The named lead's team
 * (index 0, Checkout) has not started yet, so the demo begins with their quarterly job.
 */
function assessmentStateFor(
  status: "open" | "closed",
  cycleIndex: number,
  teamIndex: number,
): "submitted" | "draft" | "none" {
  if (status === "closed") return teamIndex === 23 && cycleIndex === 0 ? "none" : "submitted";
  if (teamIndex === 0) return "none";
  if (teamIndex % 3 === 0) return "none";
  return teamIndex % 3 === 1 ? "submitted" : "draft";
}

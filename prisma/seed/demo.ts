/**
 * Loads the demo organisation into an empty database: org units, teams, people in every role,
 * four closed quarters of submitted assessments (scored by the real engine) and the current
 * quarter in progress. Everything happens in one transaction, so a failure leaves nothing behind.
 */
import { randomUUID } from "node:crypto";
import type { Answer, Questionnaire } from "../../src/domain/content/schema";
import {
  compileQuestionnaire,
  scoreAssessment,
  type AssessmentScore,
  type CompiledQuestionnaire,
} from "../../src/domain/scoring";
import { storedAssessmentColumns, toStoredPitfallResults } from "../../src/domain/results/stored-results";
import { roleScopeKey } from "../../src/domain/access/policy";
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
import {
  answersIndividually,
  demoRotaPeople,
  respondentsRandom,
  runsPulse,
  seedIndividualAnswers,
  seedPulse,
} from "./demo-respondents";
import {
  splitQuestionsByPitfall,
  summariseIndividualAnswers,
  EVERYONE,
} from "../../src/domain/assessments/split-questions";
import { aggregatePulse, MIN_PULSE_ANSWERS, withPulseEvidence } from "../../src/domain/pulse/pulse-evidence";
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

/** `now` anchors the demo: the current quarter is open and nothing is dated after it. */
export async function seedDemoIfEmpty(client: AppPrismaClient, now = new Date()): Promise<DemoSeedOutcome> {
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
        return seedDemo(tx, questionnaire, compiled, passwordHash, now);
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
  now: Date,
): Promise<DemoSeedOutcome> {
  const random = createRandom(20261127);
  const orgUnitIds = new Map<string, string>();
  const teamIds = new Map<string, string>();

  const cycles = demoCycles(now);
  // The demo's teams were all in place before its first cycle opened: a team belongs only to the
  // cycles due after it was added, so teams dated today would drop out of every earlier cycle.
  const firstCycle = cycles[0];
  const teamsCreatedAt = firstCycle ? cycleDates(firstCycle.year, firstCycle.quarter).opensOn : now;
  for (const unit of demoOrgUnits) {
    const orgUnit = await tx.orgUnit.create({ data: { name: unit.name, slug: unit.slug } });
    orgUnitIds.set(unit.slug, orgUnit.id);
    for (const team of unit.teams) {
      const created = await tx.team.create({
        data: { name: team.name, slug: team.slug, orgUnitId: orgUnit.id, createdAt: teamsCreatedAt },
      });
      teamIds.set(team.slug, created.id);
    }
  }

  const teams = demoOrgUnits.flatMap((unit) => unit.teams);
  const people: DemoPerson[] = [
    ...demoNamedPeople,
    ...demoTeamPeople(),
    ...demoRotaPeople(teams.map((team) => team.slug)),
  ];
  const leadIdByTeam = new Map<string, string>();
  const memberIdsByTeam = new Map<string, string[]>();
  for (const person of people) {
    const userId = randomUUID();
    await tx.user.create({
      data: { id: userId, email: person.email, name: person.name, emailVerified: true },
    });
    await tx.account.create({
      data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password: passwordHash },
    });
    for (const role of person.roles) {
      const scope = {
        teamId: "teamSlug" in role ? teamIds.get(role.teamSlug) : null,
        orgUnitId: "orgUnitSlug" in role ? orgUnitIds.get(role.orgUnitSlug) : null,
      };
      await tx.roleAssignment.create({
        data: { userId, role: role.role, ...scope, scopeKey: roleScopeKey(scope) },
      });
      if (role.role === "team_lead") leadIdByTeam.set(role.teamSlug, userId);
      if (role.role === "member")
        memberIdsByTeam.set(role.teamSlug, [...(memberIdsByTeam.get(role.teamSlug) ?? []), userId]);
    }
  }

  const respondents = respondentsRandom();
  const profiles = new Map(teams.map((team) => [team.slug, teamProfile(questionnaire, random)]));
  let previousAssessmentByTeam = new Map<string, string>();
  const submittedByTeam = new Map<string, SubmittedAssessment[]>();

  for (const [cycleIndex, demoCycle] of cycles.entries()) {
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
      const submittedAt = submissionTime(demoCycle.status, opensOn, closesOn, now, random());
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
        let scoring = { questionnaire, answers: pitfallAnswers as Record<string, Answer> };
        let splitByPitfall = new Map<string, number>();
        if (demoCycle.status === "open" && answersIndividually(teamIndex)) {
          const [memberId, ...rota] = memberIdsByTeam.get(team.slug) ?? [];
          const byQuestion = await seedIndividualAnswers(tx, {
            assessmentId: assessment.id,
            questionnaire,
            teamAnswers: pitfallAnswers,
            leadId: leadId!,
            memberId: memberId!,
            colleagueIds: rota,
            random: respondents,
          });
          splitByPitfall = splitQuestionsByPitfall(
            questionnaire,
            summariseIndividualAnswers(questionnaire, byQuestion, EVERYONE),
          );
          if (runsPulse(teamIndex)) {
            const tallies = await seedPulse(tx, {
              teamId: teamIds.get(team.slug)!,
              cycleId: cycle.id,
              questionnaire,
              participantIds: [leadId!, memberId!, ...rota],
              propensity: (pitfallId) => propensity[pitfallId] ?? 0.5,
              random: respondents,
            });
            scoring = withPulseEvidence(
              questionnaire,
              pitfallAnswers,
              aggregatePulse(questionnaire.pulse ?? [], tallies, MIN_PULSE_ANSWERS),
            );
          }
        }
        const score = scoreAssessment(
          scoring.questionnaire === questionnaire
            ? compiled
            : {
                questionnaire: scoring.questionnaire,
                pitfalls: content.pitfalls,
                countermeasures: content.countermeasures,
              },
          scoring.answers,
          contextAnswers,
        );
        const stored = storedAssessmentColumns(score);
        await tx.pitfallResult.createMany({
          data: toStoredPitfallResults(score).map((result) => ({
            assessmentId: assessment.id,
            ...result,
            splitQuestions: splitByPitfall.get(result.pitfallId) ?? 0,
          })),
        });
        await tx.assessment.update({
          where: { id: assessment.id },
          data: stored,
        });
        const history = submittedByTeam.get(team.slug) ?? [];
        history.push({
          assessmentId: assessment.id,
          cycleIndex,
          cycleName: cycle.name,
          closesOn,
          submittedAt,
          score,
        });
        submittedByTeam.set(team.slug, history);
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
              cycle: cycle.name,
            }),
          },
        });
      }
    }
    previousAssessmentByTeam = currentAssessmentByTeam;
  }

  await seedDemoPlans(tx, { teams, teamIds, leadIdByTeam, submittedByTeam, now });

  return {
    seeded: true,
    orgUnits: demoOrgUnits.length,
    teams: teams.length,
    people: people.length,
    cycles: cycles.length,
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

const DAY_MS = 86_400_000;

/**
 * When a team submitted: in a closed cycle a few days to three weeks before it was due; in the
 * open cycle somewhere between its opening and now, so no submission lies in the future.
 */
function submissionTime(
  status: "open" | "closed",
  opensOn: Date,
  closesOn: Date,
  now: Date,
  draw: number,
): Date {
  if (status === "closed") return new Date(closesOn.getTime() - (3 + Math.floor(draw * 20)) * DAY_MS);
  const start = opensOn.getTime() + 3_600_000;
  const end = Math.max(start, now.getTime() - 3_600_000);
  return new Date(start + Math.floor(draw * (end - start)));
}

interface SubmittedAssessment {
  assessmentId: string;
  cycleIndex: number;
  cycleName: string;
  closesOn: Date;
  submittedAt: Date;
  score: AssessmentScore;
}

/** Teams whose plans e2e journeys build or whose headlines they check start without a plan. */
const TEAMS_WITHOUT_DEMO_PLAN = new Set(["checkout", "analytics", "data-quality"]);
/** The cycle (oldest first) the demo plans were made from: early enough for later results. */
const PLAN_SOURCE_CYCLE = 1;
const IMPROVED_TEAMS = 4;
const NOT_IMPROVED_TEAMS = 3;

function pitfallScore(score: AssessmentScore, pitfallId: string): number | null {
  return score.pitfalls.find((pitfall) => pitfall.pitfallId === pitfallId)?.score ?? null;
}

/**
 * Remediation plans made after an early cycle, in several teams: the top countermeasures of that
 * cycle's ranking. Teams are picked by how the tracked pitfall moved since, so the closed loop
 * shows both improvement (the work done) and no improvement or worse. No randomness: the picks
 * follow from the seeded results.
 */
async function seedDemoPlans(
  tx: Transaction,
  demo: {
    teams: readonly { slug: string; name: string }[];
    teamIds: ReadonlyMap<string, string>;
    leadIdByTeam: ReadonlyMap<string, string>;
    submittedByTeam: ReadonlyMap<string, SubmittedAssessment[]>;
    now: Date;
  },
): Promise<void> {
  const candidates = demo.teams.flatMap((team) => {
    if (TEAMS_WITHOUT_DEMO_PLAN.has(team.slug)) return [];
    const history = demo.submittedByTeam.get(team.slug) ?? [];
    const source = history.find((entry) => entry.cycleIndex === PLAN_SOURCE_CYCLE);
    const latest = history.at(-1);
    const top = source?.score.countermeasures.slice(0, 2) ?? [];
    const tracked = top[0]?.pitfalls[0];
    if (!source || !latest || latest === source || !tracked) return [];
    const before = pitfallScore(source.score, tracked.pitfallId);
    const after = pitfallScore(latest.score, tracked.pitfallId);
    if (before === null || after === null) return [];
    return [{ team, source, top, improved: after < before }];
  });
  const picked = [
    ...candidates.filter((candidate) => candidate.improved).slice(0, IMPROVED_TEAMS),
    ...candidates.filter((candidate) => !candidate.improved).slice(0, NOT_IMPROVED_TEAMS),
  ];

  for (const [pickIndex, { team, source, top, improved }] of picked.entries()) {
    const teamId = demo.teamIds.get(team.slug)!;
    const leadId = demo.leadIdByTeam.get(team.slug) ?? null;
    const addedAt = new Date(source.submittedAt.getTime() + 2 * DAY_MS);
    for (const [rank, countermeasure] of top.entries()) {
      const tracked = countermeasure.pitfalls[0]!;
      // The first item of a team that improved was done a quarter later; the others are under way,
      // or (every third team that did not improve) dropped with a reason.
      const status =
        rank === 0 ? (improved ? "done" : pickIndex % 3 === 0 ? "dropped" : "in_progress") : "todo";
      const completedAt = status === "done" ? new Date(source.closesOn.getTime() + 60 * DAY_MS) : null;
      const doneAt = completedAt && completedAt < demo.now ? completedAt : null;
      const item = await tx.planItem.create({
        data: {
          teamId,
          countermeasureId: countermeasure.countermeasureId,
          pitfallId: tracked.pitfallId,
          rationale: tracked.rationale,
          addresses: JSON.stringify(tracked.addresses),
          sourceAssessmentId: source.assessmentId,
          scoreWhenAdded: pitfallScore(source.score, tracked.pitfallId),
          scoreMethodVersion: source.score.methodVersion,
          ownerId: leadId,
          status: status === "done" && !doneAt ? "in_progress" : status,
          droppedReason: status === "dropped" ? "Replaced by the platform team's shared rota" : null,
          createdById: leadId,
          createdAt: addedAt,
          completedAt: doneAt,
        },
      });
      await tx.auditEvent.create({
        data: {
          at: addedAt,
          actorId: leadId,
          action: "plan_item.added",
          entityType: "plan_item",
          entityId: item.id,
          teamId,
          after: JSON.stringify({
            countermeasureId: item.countermeasureId,
            pitfallId: item.pitfallId,
            ownerId: leadId,
            status: "todo",
            cycle: source.cycleName,
          }),
        },
      });
      if (item.status !== "todo") {
        const changedAt = doneAt ?? new Date(addedAt.getTime() + 14 * DAY_MS);
        await tx.auditEvent.create({
          data: {
            at: changedAt < demo.now ? changedAt : addedAt,
            actorId: leadId,
            action: "plan_item.updated",
            entityType: "plan_item",
            entityId: item.id,
            teamId,
            before: JSON.stringify({ status: "todo", ownerId: leadId }),
            after: JSON.stringify({
              status: item.status,
              ownerId: leadId,
              droppedReason: item.droppedReason,
            }),
          },
        });
      }
    }
  }
}

import "server-only";
import { can, type Actor } from "@/domain/access/policy";
import { pitfallById, questionnaireById } from "@/domain/content";
import {
  PULSE_AUDIENCES,
  type PitfallId,
  type PulseQuestion,
  type Questionnaire,
} from "@/domain/content/schema";
import { effectiveMinimum } from "@/domain/pulse/pulse-evidence";
import type {
  PulseAvailability,
  PulseCardView,
  PulseCycleRef,
  PulsePageState,
  PulseQuestionGroup,
  TeamPulseView,
} from "@/contracts/pulse/views";
import { getEnv } from "@/env";
import { ARCHIVED_TEAM_MESSAGE, authorizeTeamBySlug, type TeamRef } from "../auth/authorize";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { readPulseAggregates } from "../assessments/team-evidence";
import { NOT_FOR_YOU_MESSAGE, pulseClosedMessage } from "./messages";

interface CycleRow {
  id: string;
  name: string;
  status: string;
  closesOn: Date;
  questionnaireId: string;
}

const cycleColumns = { id: true, name: true, status: true, closesOn: true, questionnaireId: true } as const;

/** The cycle teams answer now: the open one (at most one is open at a time). */
function openCycle(): Promise<CycleRow | null> {
  return db.cycle.findFirst({
    where: { status: "open" },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    select: cycleColumns,
  });
}

function pulseQuestionsOf(
  cycle: CycleRow,
): { questionnaire: Questionnaire; questions: PulseQuestion[] } | null {
  const questionnaire = questionnaireById(cycle.questionnaireId);
  const questions = questionnaire?.pulse ?? [];
  return questionnaire && questions.length > 0 ? { questionnaire, questions } : null;
}

function cycleRef(cycle: CycleRow): PulseCycleRef {
  return { id: cycle.id, name: cycle.name, closesOn: cycle.closesOn.toISOString() };
}

/** How many people answered the team's pulse in a cycle: a count, never who. */
function countParticipants(teamId: string, cycleId: string): Promise<number> {
  return db.pulseParticipation.count({ where: { teamId, cycleId } });
}

async function teamPulseView(
  team: TeamRef,
  cycle: CycleRow,
  questionnaire: Questionnaire,
): Promise<TeamPulseView> {
  const questions = new Map((questionnaire.pulse ?? []).map((question) => [question.id, question]));
  const [aggregates, participants] = await Promise.all([
    readPulseAggregates(db, team.id, cycle.id, questionnaire),
    countParticipants(team.id, cycle.id),
  ]);
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    threshold: effectiveMinimum(getEnv().PULSE_MIN_ANSWERS),
    participants,
    questions: aggregates.map((aggregate) => {
      const question = questions.get(aggregate.questionId)!;
      const base = {
        questionId: aggregate.questionId,
        evidenceLabel: question.evidenceLabel,
        pitfallId: aggregate.pitfallId,
        pitfallName: pitfallById(aggregate.pitfallId)?.name ?? aggregate.pitfallId,
        audience: question.audience,
      };
      return aggregate.shown
        ? {
            ...base,
            shown: true as const,
            respondents: aggregate.respondents,
            counts: aggregate.counts,
            averageRisk: aggregate.averageRisk,
          }
        : { ...base, shown: false as const };
    }),
  };
}

/**
 * Whether the actor may answer the team's pulse in `cycle` now. "answered" is decided by whether a
 * participation row exists for them: the only question ever asked of that table about one person.
 */
async function availabilityFor(actor: Actor, team: TeamRef, cycle: CycleRow): Promise<PulseAvailability> {
  const resource = {
    type: "team" as const,
    teamId: team.id,
    orgUnitId: team.orgUnitId,
    archived: team.archived,
  };
  if (!can(actor, "pulse:answer", resource)) {
    return { kind: "not-for-you", reason: team.archived ? ARCHIVED_TEAM_MESSAGE : NOT_FOR_YOU_MESSAGE };
  }
  const [assessment, answered] = await Promise.all([
    db.assessment.findUnique({
      where: { teamId_cycleId: { teamId: team.id, cycleId: cycle.id } },
      select: { status: true },
    }),
    db.pulseParticipation.count({ where: { teamId: team.id, cycleId: cycle.id, userId: actor.id } }),
  ]);
  if (answered > 0) return { kind: "answered" };
  if (assessment?.status === "submitted") return { kind: "closed", reason: pulseClosedMessage(cycle.name) };
  return { kind: "open" };
}

function questionGroups(questions: readonly PulseQuestion[]): PulseQuestionGroup[] {
  return PULSE_AUDIENCES.map((audience) => ({
    audience,
    questions: questions
      .filter((question) => question.audience === audience)
      .map((question) => ({
        id: question.id,
        prompt: question.prompt,
        help: question.help,
        options: question.options.map(({ value, label }) => ({ value, label })),
      })),
  })).filter((group) => group.questions.length > 0);
}

/** The pulse page of a team for the open cycle: the form, or why there is nothing to answer. */
export async function getPulsePage(actor: Actor, teamSlug: string): Promise<PulsePageState> {
  const team = await authorizeTeamBySlug(actor, "team:read", teamSlug);
  const teamRef = { id: team.id, name: team.name, slug: team.slug };
  const cycle = await openCycle();
  if (!cycle) return { kind: "no-open-cycle", team: teamRef };
  const content = pulseQuestionsOf(cycle);
  if (!content) return { kind: "no-questions", team: teamRef, cycle: cycleRef(cycle) };
  const [availability, participants] = await Promise.all([
    availabilityFor(actor, team, cycle),
    countParticipants(team.id, cycle.id),
  ]);
  return {
    kind: "ready",
    team: teamRef,
    cycle: cycleRef(cycle),
    threshold: effectiveMinimum(getEnv().PULSE_MIN_ANSWERS),
    participants,
    availability,
    groups: questionGroups(content.questions),
  };
}

/**
 * A team's pulse in one cycle, for display: per question the counts per option once enough people
 * answered it, and otherwise only that there are not enough answers yet. Null when the cycle's
 * questionnaire has no pulse questions.
 */
export async function getTeamPulse(
  actor: Actor,
  teamSlug: string,
  cycleId: string,
): Promise<TeamPulseView | null> {
  const team = await authorizeTeamBySlug(actor, "team:read", teamSlug);
  return pulseInCycle(team, cycleId);
}

async function pulseInCycle(team: TeamRef, cycleId: string): Promise<TeamPulseView | null> {
  const cycle = await db.cycle.findUnique({ where: { id: cycleId }, select: cycleColumns });
  if (!cycle) throw new NotFoundError();
  const content = pulseQuestionsOf(cycle);
  return content ? teamPulseView(team, cycle, content.questionnaire) : null;
}

/**
 * The team's pulse in a cycle, limited to one pitfall's questions when given; null when nobody
 * answered it (or none of those questions), so pages show nothing rather than an empty pulse.
 */
export async function getAnsweredPulse(
  actor: Actor,
  teamSlug: string,
  cycleId: string,
  pitfallId?: PitfallId,
): Promise<TeamPulseView | null> {
  const team = await authorizeTeamBySlug(actor, "team:read", teamSlug);
  // Most teams run no pulse: one count settles that before the cycle and the counts are read.
  if ((await countParticipants(team.id, cycleId)) === 0) return null;
  const pulse = await pulseInCycle(team, cycleId);
  if (!pulse) return null;
  const questions = pitfallId
    ? pulse.questions.filter((question) => question.pitfallId === pitfallId)
    : pulse.questions;
  return questions.length === 0 ? null : { ...pulse, questions };
}

/** The team page's pulse card for the open cycle; null when no cycle is open or it has no pulse. */
export async function getPulseCard(actor: Actor, teamSlug: string): Promise<PulseCardView | null> {
  const team = await authorizeTeamBySlug(actor, "team:read", teamSlug);
  const cycle = await openCycle();
  const content = cycle ? pulseQuestionsOf(cycle) : null;
  if (!cycle || !content) return null;
  const [availability, summary] = await Promise.all([
    availabilityFor(actor, team, cycle),
    teamPulseView(team, cycle, content.questionnaire),
  ]);
  return { teamSlug: team.slug, availability, summary };
}

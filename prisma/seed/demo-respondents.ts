/**
 * Several respondents in the demo's open quarter: a few submitted teams whose lead, a member and the
 * two people on their rota also answered on their own (the member disagreeing on a couple of
 * questions, so the heatmap shows where), and two of them that ran the anonymous pulse with the same
 * four people. Deterministic, and
 * drawn from a random stream of its own so the rest of the demo stays exactly as it was.
 */
import type { Answer, Question, Questionnaire } from "../../src/domain/content/schema";
import type { PulseTally } from "../../src/domain/pulse/pulse-evidence";
import { riskOfValidValue } from "../../src/domain/scoring/answer-risk";
import type { AppPrismaClient } from "../../src/server/prisma-client";
import type { DemoPerson } from "./demo-organisation";
import { createRandom, type Random } from "./synthetic-answers";

type Transaction = Parameters<Parameters<AppPrismaClient["$transaction"]>[0]>[0];

/** Submitted teams of the open quarter (by position in the demo's team list) whose people also answered on their own. */
const INDIVIDUAL_TEAMS = new Set([1, 4, 10, 16]);
/** Of those, the teams that ran the anonymous pulse. */
const PULSE_TEAMS = new Set([1, 10]);

export function answersIndividually(teamIndex: number): boolean {
  return INDIVIDUAL_TEAMS.has(teamIndex);
}

export function runsPulse(teamIndex: number): boolean {
  return PULSE_TEAMS.has(teamIndex);
}

const ROTA_NAMES = [
  ["Noor Haddad", "Theo Lindqvist"],
  ["Priya Raman", "Marek Zielinski"],
  ["Amara Okafor", "Jonas Becker"],
  ["Lucia Ferreira", "Kenji Watanabe"],
];

/**
 * Two more people on the rota of each team that answers on its own, so that four answer: a
 * question's individual answers and the pulse's counts show only once three people besides the
 * viewer have answered (four in all for someone who answered).
 */
export function demoRotaPeople(teamSlugs: readonly string[]): DemoPerson[] {
  const people: DemoPerson[] = [];
  let rotaTeam = 0;
  teamSlugs.forEach((slug, index) => {
    if (!answersIndividually(index)) return;
    const names = ROTA_NAMES[rotaTeam++ % ROTA_NAMES.length]!;
    names.forEach((name, position) =>
      people.push({
        email: `rota${position + 1}.${slug}@example.com`,
        name,
        roles: [{ role: "member", teamSlug: slug }],
      }),
    );
  });
  return people;
}

export function respondentsRandom(): Random {
  return createRandom(20261128);
}

/** The answer to `question` whose risk lies furthest from `risk`: someone who sees it the other way. */
function opposite(question: Question, risk: number): Answer {
  const answer = question.answer;
  const candidates: (number | string | boolean)[] =
    answer.type === "agreement"
      ? [1, 2, 3, 4, 5]
      : answer.type === "yesNo"
        ? [true, false]
        : answer.type === "choice"
          ? answer.options.map((option) => option.value)
          : answer.riskCurve.map((point) => point.at);
  let best = candidates[0]!;
  let distance = -1;
  for (const value of candidates) {
    const gap = Math.abs(riskOfValidValue(answer, value) - risk);
    if (gap > distance) [best, distance] = [value, gap];
  }
  return { kind: "value", value: best };
}

/**
 * The lead's own answers are the team's; the member agrees except on two questions of different
 * pitfalls, where they see it the other way round. Returns every individual answer per question.
 */
export async function seedIndividualAnswers(
  tx: Transaction,
  input: {
    assessmentId: string;
    questionnaire: Questionnaire;
    teamAnswers: Readonly<Record<string, Answer>>;
    leadId: string;
    memberId: string;
    /** The rest of the team, who see every question as the lead does. */
    colleagueIds: readonly string[];
    random: Random;
  },
): Promise<Map<string, Answer[]>> {
  const { questionnaire, teamAnswers, random } = input;
  const sections = [...questionnaire.sections];
  const disputed = new Set<string>();
  while (disputed.size < 2 && sections.length > 0) {
    const [section] = sections.splice(Math.floor(random() * sections.length), 1);
    const answered = section!.questions.filter((question) => teamAnswers[question.id]?.kind === "value");
    if (answered.length > 0) disputed.add(answered[Math.floor(random() * answered.length)]!.id);
  }

  const byQuestion = new Map<string, Answer[]>();
  const leadAnswers: [string, Answer][] = [];
  const memberAnswers: [string, Answer][] = [];
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      const answer = teamAnswers[question.id];
      if (!answer) continue;
      const member =
        disputed.has(question.id) && answer.kind === "value"
          ? opposite(question, riskOfValidValue(question.answer, answer.value))
          : answer;
      leadAnswers.push([question.id, answer]);
      memberAnswers.push([question.id, member]);
      byQuestion.set(question.id, [answer, member, ...input.colleagueIds.map(() => answer)]);
    }
  }
  const people: (readonly [string, [string, Answer][]])[] = [
    [input.leadId, leadAnswers],
    [input.memberId, memberAnswers],
    ...input.colleagueIds.map((colleagueId) => [colleagueId, leadAnswers] as const),
  ];
  for (const [userId, answers] of people) {
    const response = await tx.response.create({
      data: { assessmentId: input.assessmentId, userId },
      select: { id: true },
    });
    await tx.responseAnswer.createMany({
      data: answers.map(([questionId, answer]) => ({
        responseId: response.id,
        questionId,
        kind: answer.kind,
        value: answer.kind === "value" ? JSON.stringify(answer.value) : null,
        reason: answer.kind === "notApplicable" ? answer.reason : null,
      })),
    });
  }
  return byQuestion;
}

/**
 * The pulse of one team: every participant answers each question for their audience with an
 * option near the team's propensity for that pitfall. Only counts and participation are stored,
 * as the app stores them: every option's row first, at 0.
 */
export async function seedPulse(
  tx: Transaction,
  input: {
    teamId: string;
    cycleId: string;
    questionnaire: Questionnaire;
    participantIds: readonly string[];
    propensity: (pitfallId: string) => number;
    random: Random;
  },
): Promise<PulseTally[]> {
  const { teamId, cycleId, random } = input;
  const questions = input.questionnaire.pulse ?? [];
  const counts = new Map<string, number>();
  const key = (questionId: string, option: string) => `${questionId}\u0000${option}`;
  for (const question of questions) {
    // Specialists rarely sit in one team's rota; the demo's pulse is the rota's.
    if (question.audience === "specialist") continue;
    for (let person = 0; person < input.participantIds.length; person++) {
      const target = Math.min(1, Math.max(0, input.propensity(question.pitfallId) + (random() - 0.5) * 0.5));
      const option = question.options.reduce((best, candidate) =>
        Math.abs(candidate.risk - target) < Math.abs(best.risk - target) ? candidate : best,
      );
      counts.set(key(question.id, option.value), (counts.get(key(question.id, option.value)) ?? 0) + 1);
    }
  }
  const tallies: PulseTally[] = questions.flatMap((question) =>
    question.options.map((option) => ({
      questionId: question.id,
      option: option.value,
      count: counts.get(key(question.id, option.value)) ?? 0,
    })),
  );
  await tx.pulseTally.createMany({ data: tallies.map((tally) => ({ teamId, cycleId, ...tally })) });
  await tx.pulseParticipation.createMany({
    data: input.participantIds.map((userId) => ({ teamId, cycleId, userId })),
  });
  return tallies;
}

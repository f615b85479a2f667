import "server-only";
import type { Answer, Answers, PitfallId, Questionnaire } from "@/domain/content/schema";
import {
  EVERYONE,
  splitQuestionsByPitfall,
  summariseIndividualAnswers,
  type IndividualAnswersAudience,
} from "@/domain/assessments/split-questions";
import { aggregatePulse, withPulseEvidence, type PulseAggregate } from "@/domain/pulse/pulse-evidence";
import { getEnv } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import { answerOfRow } from "./stored-answers";

export { splitQuestionsByPitfall, summariseIndividualAnswers };

type Reader = Pick<Prisma.TransactionClient, "pulseTally" | "responseAnswer">;

/**
 * The pulse of one team in one cycle, as counts that may be shown: a question with fewer answers
 * than PULSE_MIN_ANSWERS comes back without any figure. This is the only read of pulse answers.
 */
export async function readPulseAggregates(
  reader: Pick<Prisma.TransactionClient, "pulseTally">,
  teamId: string,
  cycleId: string,
  questionnaire: Questionnaire,
): Promise<PulseAggregate[]> {
  const questions = questionnaire.pulse ?? [];
  if (questions.length === 0) return [];
  const tallies = await reader.pulseTally.findMany({
    where: { teamId, cycleId },
    select: { questionId: true, option: true, count: true },
  });
  return aggregatePulse(questions, tallies, getEnv().PULSE_MIN_ANSWERS);
}

/** Every individual answer of an assessment, per question (people's names are not read). */
export async function readIndividualAnswers(
  reader: Pick<Prisma.TransactionClient, "responseAnswer">,
  assessmentId: string,
): Promise<Map<string, Answer[]>> {
  const rows = await reader.responseAnswer.findMany({
    where: { response: { assessmentId } },
    select: { questionId: true, kind: true, value: true, reason: true },
  });
  const byQuestion = new Map<string, Answer[]>();
  for (const row of rows) {
    const answer = answerOfRow(row);
    if (!answer) continue;
    const list = byQuestion.get(row.questionId);
    if (list) list.push(answer);
    else byQuestion.set(row.questionId, [answer]);
  }
  return byQuestion;
}

/**
 * The individual answers as `viewerId` may be shown them: the questions they answered themselves
 * need one answer more, since they know their own (see answersNeededToShow).
 */
export async function audienceOf(
  reader: Pick<Prisma.TransactionClient, "responseAnswer">,
  assessmentId: string,
  viewerId: string,
): Promise<IndividualAnswersAudience> {
  const own = await reader.responseAnswer.findMany({
    where: { response: { assessmentId, userId: viewerId } },
    select: { questionId: true },
  });
  return { kind: "viewer", answeredByViewer: new Set(own.map((row) => row.questionId)) };
}

export interface TeamEvidence {
  /** The questionnaire and answers to score: the team answers plus the pulse questions shown. */
  scoring: { questionnaire: Questionnaire; answers: Answers };
  pulse: PulseAggregate[];
  splitByPitfall: Map<PitfallId, number>;
}

/** Everything besides the team answers that goes into a submitted result. */
export async function readTeamEvidence(
  reader: Reader,
  assessment: { id: string; teamId: string; cycleId: string },
  questionnaire: Questionnaire,
  teamAnswers: Answers,
): Promise<TeamEvidence> {
  // One after the other: inside a transaction the client runs one statement at a time anyway.
  const pulse = await readPulseAggregates(reader, assessment.teamId, assessment.cycleId, questionnaire);
  const individual = await readIndividualAnswers(reader, assessment.id);
  return {
    scoring: withPulseEvidence(questionnaire, teamAnswers, pulse),
    pulse,
    // Stored with the result and marked on the heatmap for everyone alike, respondents included.
    splitByPitfall: splitQuestionsByPitfall(
      questionnaire,
      summariseIndividualAnswers(questionnaire, individual, EVERYONE),
    ),
  };
}

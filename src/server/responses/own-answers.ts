import "server-only";
import { assessmentProgress, type AssessmentProgress } from "@/domain/assessments/progress";
import { questionnaireById } from "@/domain/content";
import type { Answer, Answers, Questionnaire } from "@/domain/content/schema";
import { validateAnswer } from "@/domain/scoring";
import type { ServerAnswer } from "@/contracts/assessments/types";
import type { Prisma } from "@/generated/prisma/client";
import { carryAnswersForward, questionIndex } from "../assessments/questionnaire-content";
import {
  answerOfRow,
  readTeamContext,
  storedAnswerColumns,
  toServerAnswer,
} from "../assessments/stored-answers";

/**
 * A person's own answers to their team's assessment. Every read here is of one person's own
 * response, found by assessment and person together, so no caller can reach another person's.
 */

type Reader = Pick<Prisma.TransactionClient, "response">;

export const ownAnswerColumns = {
  questionId: true,
  kind: true,
  value: true,
  reason: true,
  carriedOver: true,
  updatedAt: true,
} as const satisfies Prisma.ResponseAnswerSelect;

export type OwnAnswerRow = Prisma.ResponseAnswerGetPayload<{ select: typeof ownAnswerColumns }>;

export interface Respondent {
  id: string;
  name: string;
}

/** The assessment columns the person's answers depend on. */
export interface OwnAnswersAssessment {
  id: string;
  teamId: string;
  /** The team's previous submitted assessment, which the person's own answers carry over from. */
  carriedFromId: string | null;
}

/** A stored answer of the person's own, as the questionnaire shows it (own answers have no note). */
export function toOwnServerAnswer(
  row: OwnAnswerRow & { questionId: string },
  person: Respondent,
): ServerAnswer {
  return toServerAnswer({ ...row, note: null, updatedById: person.id }, new Map([[person.id, person.name]]));
}

/**
 * The person's own answers in the team's previous submitted assessment, carried into this
 * questionnaire: pitfall questions only (the team context is the team's), and only answers the
 * current content still accepts.
 */
export async function carriedOwnAnswers(
  reader: Reader,
  assessment: OwnAnswersAssessment,
  userId: string,
  questionnaire: Questionnaire,
): Promise<Answers> {
  if (!assessment.carriedFromId) return {};
  const previous = await reader.response.findFirst({
    // Scoped to the same team: a carried-from link never reaches another team's answers.
    where: { userId, assessment: { id: assessment.carriedFromId, teamId: assessment.teamId } },
    select: {
      assessment: { select: { cycle: { select: { questionnaireId: true } } } },
      answers: { select: { questionId: true, kind: true, value: true, reason: true } },
    },
  });
  const from = previous ? questionnaireById(previous.assessment.cycle.questionnaireId) : undefined;
  if (!previous || !from) return {};
  const given: Record<string, Answer> = {};
  for (const row of previous.answers) {
    const answer = answerOfRow(row);
    if (answer) given[row.questionId] = answer;
  }
  const index = questionIndex(questionnaire);
  const carried: Record<string, Answer> = {};
  for (const [questionId, answer] of Object.entries(carryAnswersForward(from, questionnaire, given))) {
    const entry = index.get(questionId);
    if (entry && !entry.isContext && !validateAnswer(entry.question, answer)) carried[questionId] = answer;
  }
  return carried;
}

export interface OwnAnswers {
  /** 0 while nothing is stored for the person yet. */
  version: number;
  answers: Record<string, ServerAnswer>;
}

/**
 * The person's own answers as stored. Before their first answer of the quarter nothing is stored:
 * then it is what would carry over from last quarter, at version 0, so the screen shows the same
 * carried-over answers the first save stores.
 */
export async function readOwnAnswers(
  reader: Reader,
  assessment: OwnAnswersAssessment,
  person: Respondent,
  questionnaire: Questionnaire,
): Promise<OwnAnswers> {
  const response = await reader.response.findUnique({
    where: { assessmentId_userId: { assessmentId: assessment.id, userId: person.id } },
    select: { version: true, answers: { select: ownAnswerColumns } },
  });
  if (response) {
    return {
      version: response.version,
      answers: Object.fromEntries(
        response.answers.map((row) => [row.questionId, toOwnServerAnswer(row, person)]),
      ),
    };
  }
  const carried = await carriedOwnAnswers(reader, assessment, person.id, questionnaire);
  const notYetStored = new Date(0);
  return {
    version: 0,
    answers: Object.fromEntries(
      Object.entries(carried).map(([questionId, answer]) => [
        questionId,
        toServerAnswer(
          {
            questionId,
            ...storedAnswerColumns(answer),
            note: null,
            carriedOver: true,
            updatedById: null,
            updatedAt: notYetStored,
          },
          new Map(),
        ),
      ]),
    ),
  };
}

/**
 * How far the person is with their own answers, counted as the questionnaire counts them; null
 * before they answered anything and when nothing of theirs carries over.
 */
export async function readOwnProgress(
  reader: Reader & Pick<Prisma.TransactionClient, "answer">,
  assessment: OwnAnswersAssessment,
  person: Respondent,
  questionnaire: Questionnaire,
): Promise<AssessmentProgress | null> {
  const own = await readOwnAnswers(reader, assessment, person, questionnaire);
  if (own.version === 0 && Object.keys(own.answers).length === 0) return null;
  // The questions "My answers" shows: those the team's context does not leave out. One's own
  // answers are all optional; "required" is about what the team must answer.
  const { notAsked } = await readTeamContext(reader, assessment.id, questionnaire);
  const questions = questionnaire.sections.flatMap((section) =>
    section.questions
      .filter((question) => !notAsked.has(question.id))
      .map((question) => ({ id: question.id, required: false })),
  );
  return assessmentProgress(questions, own.answers);
}

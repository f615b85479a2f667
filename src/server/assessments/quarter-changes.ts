import "server-only";
import { withPulseEvidence } from "@/domain/pulse/pulse-evidence";
import { pitfallById, questionnaireById } from "@/domain/content";
import type { Answer, Answers, Questionnaire } from "@/domain/content/schema";
import {
  answerChanges,
  holdBackIncompletePitfalls,
  pitfallMovements,
  type PitfallStanding,
} from "@/domain/assessments/quarter-changes";
import { decodeRiskBand, describeAnswerValue, scoreAssessment } from "@/domain/scoring";
import { SCORING_METHOD_VERSION } from "@/domain/scoring/types";
import type { QuarterChangesView } from "@/contracts/assessments/types";
import { db } from "../db";
import { carryAnswersForward, compiledQuestionnaire, questionIndex } from "./questionnaire-content";
import { readPulseAggregates } from "./team-evidence";
import { answerOfRow, scorableAnswers } from "./stored-answers";

/**
 * "What changed since last quarter" for one team: this assessment against the team's most recent
 * submitted assessment of an earlier cycle. Callers have already checked that the person may read
 * the team; every read here is scoped to that team id.
 */

interface ThisAssessment {
  id: string;
  teamId: string;
  cycle: { year: number; quarter: number; name: string; questionnaireId: string };
}

function describeFor(questionnaire: Questionnaire) {
  const index = questionIndex(questionnaire);
  return (questionId: string, answer: Answer): string => {
    if (answer.kind === "dontKnow") return "Don't know";
    if (answer.kind === "notApplicable") return `Not applicable: ${answer.reason}`;
    const question = index.get(questionId)?.question;
    return question ? describeAnswerValue(question, answer.value) : String(answer.value);
  };
}

function readableAnswers(
  rows: readonly { questionId: string; kind: string; value: string | null; reason: string | null }[],
) {
  const answers: Record<string, Answer> = {};
  for (const row of rows) {
    const answer = answerOfRow(row);
    if (answer) answers[row.questionId] = answer;
  }
  return answers;
}

/**
 * Compares `assessment` with the team's previous submitted one. For a draft (the review page),
 * `preview` scores the current answers as submitting now would; for a submitted assessment the
 * stored results are used. `missingRequiredQuestionIds` are the draft's required questions still
 * without an answer: the preview holds back the figures of the pitfalls they belong to. Null when
 * the team has no earlier submitted assessment.
 */
export async function readQuarterChanges(
  assessment: ThisAssessment,
  mode: "preview" | "stored",
  missingRequiredQuestionIds: readonly string[] = [],
): Promise<QuarterChangesView | null> {
  const questionnaire = questionnaireById(assessment.cycle.questionnaireId);
  if (!questionnaire) return null;
  const { year, quarter } = assessment.cycle;
  const previous = await db.assessment.findFirst({
    where: {
      teamId: assessment.teamId,
      submittedAt: { not: null },
      id: { not: assessment.id },
      OR: [{ cycle: { year: { lt: year } } }, { cycle: { year, quarter: { lt: quarter } } }],
    },
    orderBy: [{ cycle: { year: "desc" } }, { cycle: { quarter: "desc" } }],
    select: {
      id: true,
      scoringMethodVersion: true,
      cycle: { select: { name: true, questionnaireId: true } },
      answers: { select: { questionId: true, kind: true, value: true, reason: true } },
      results: { select: { pitfallId: true, score: true, band: true } },
    },
  });
  if (!previous) return null;
  const current = await db.assessment.findFirst({
    where: { id: assessment.id, teamId: assessment.teamId },
    select: {
      scoringMethodVersion: true,
      cycleId: true,
      answers: { select: { questionId: true, kind: true, value: true, reason: true } },
      results: { select: { pitfallId: true, score: true, band: true } },
    },
  });
  if (!current) return null;

  const previousQuestionnaire = questionnaireById(previous.cycle.questionnaireId);
  // Last quarter's answers in this quarter's questions; questions whose meaning changed drop out.
  const previousAnswers: Answers = previousQuestionnaire
    ? carryAnswersForward(previousQuestionnaire, questionnaire, readableAnswers(previous.answers))
    : {};
  const index = questionIndex(questionnaire);
  const currentAnswers = readableAnswers(current.answers.filter((row) => index.has(row.questionId)));
  const questions = [...index.entries()].map(([id, entry]) => ({
    id,
    prompt: entry.question.prompt,
    sectionTitle: entry.sectionTitle,
  }));

  let currentStandings: PitfallStanding[];
  let currentMethod = current.scoringMethodVersion;
  if (mode === "preview") {
    const { answers, teamContext } = scorableAnswers(current.answers, questionnaire, () => undefined);
    const pulse = await readPulseAggregates(db, assessment.teamId, current.cycleId, questionnaire);
    const scoring = withPulseEvidence(questionnaire, answers, pulse);
    const score = scoreAssessment(compiledQuestionnaire(scoring.questionnaire), scoring.answers, teamContext);
    currentStandings = score.pitfalls.map((pitfall) => ({
      pitfallId: pitfall.pitfallId,
      score: pitfall.score,
      band: pitfall.band,
    }));
    currentMethod = SCORING_METHOD_VERSION;
  } else {
    currentStandings = current.results.map(standingOf);
  }
  const pitfallIds = questionnaire.sections.map((section) => section.pitfallId as string);
  const missing = new Set(mode === "preview" ? missingRequiredQuestionIds : []);
  const missingRequiredByPitfall = new Map(
    questionnaire.sections.map((section) => [
      section.pitfallId as string,
      section.questions.filter((question) => missing.has(question.id)).length,
    ]),
  );
  const missingContext = questionnaire.context.filter((question) => missing.has(question.id)).length;
  const movements = holdBackIncompletePitfalls(
    pitfallMovements(pitfallIds, previous.results.map(standingOf), currentStandings),
    missingRequiredByPitfall,
  );
  return {
    previousCycleName: previous.cycle.name,
    cycleName: assessment.cycle.name,
    preview: mode === "preview",
    methodChanged: previous.scoringMethodVersion !== currentMethod,
    missingRequired: { total: missing.size, context: missingContext },
    answers: answerChanges(questions, previousAnswers, currentAnswers, describeFor(questionnaire)),
    pitfalls: movements.map((movement) => ({
      ...movement,
      name: pitfallById(movement.pitfallId)?.name ?? movement.pitfallId,
    })),
  };
}

function standingOf(row: { pitfallId: string; score: number | null; band: string | null }): PitfallStanding {
  return { pitfallId: row.pitfallId, score: row.score, band: decodeRiskBand(row.band) };
}

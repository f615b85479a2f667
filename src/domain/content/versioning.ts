/**
 * Carrying answers from one questionnaire version to the next, so a team starting a new quarter
 * begins from last quarter's answers even when the questionnaire has changed in between.
 */
import { answerIssueMessage } from "../scoring/answer-validation";
import type { Answer, Answers, Questionnaire } from "./schema";
import { questionsOf } from "./validate";

/**
 * Returns the answers of `answers` (given against `from`) that still mean the same thing in `to`.
 *
 * - Same version: every answer keeps its question id.
 * - `to` supersedes `from`: an answer moves to the new question that `to.supersedes.questionMap`
 *   maps onto its old question; questions the map does not mention start unanswered, because an
 *   unchanged id alone does not prove an unchanged meaning.
 * - Answers whose question does not exist in `to`, or whose value no longer fits the new answer
 *   type (an option removed, a range narrowed, "not applicable" no longer allowed), are dropped.
 *
 * Throws when `to` neither is `from` nor directly supersedes it: carry answers one version at a time.
 */
export function carryAnswersAcrossVersions(
  from: Questionnaire,
  to: Questionnaire,
  answers: Answers,
): Answers {
  const previousQuestionIdFor = previousQuestionResolver(from, to);
  const previousQuestions = questionsOf(from);
  const carried: Record<string, Answer> = {};

  for (const [questionId, question] of questionsOf(to)) {
    const previousId = previousQuestionIdFor(questionId);
    if (previousId === undefined || !previousQuestions.has(previousId)) continue;
    if (!Object.hasOwn(answers, previousId)) continue;
    const answer = answers[previousId];
    if (answer === undefined || answerIssueMessage(question, answer) !== null) continue;
    carried[questionId] = { ...answer };
  }
  return carried;
}

function previousQuestionResolver(
  from: Questionnaire,
  to: Questionnaire,
): (questionId: string) => string | undefined {
  if (from.id === to.id) return (questionId) => questionId;
  if (to.supersedes?.questionnaireId === from.id) {
    const questionMap = to.supersedes.questionMap;
    return (questionId) => (Object.hasOwn(questionMap, questionId) ? questionMap[questionId] : undefined);
  }
  throw new Error(
    `Questionnaire "${to.id}" does not supersede "${from.id}", so their answers cannot be matched; carry answers one version at a time`,
  );
}

/**
 * Scoring accepts drafts with blanks (they lower confidence); submitting does not. This lists the
 * required questions still blank, with the same issue shape as answer validation.
 */
import { questionsNotAsked } from "../assessments/asked-questions";
import { notApplicableContradiction } from "../assessments/contradicted-answers";
import { impossibleAnswers } from "../assessments/impossible-answers";
import type { Answers } from "../content/schema";
import type { AnswerIssue } from "./answer-validation";
import { compiledFrom, type CompiledQuestionnaire, type ScoringContent } from "./compile-questionnaire";

const REQUIRED_MESSAGE = "This question needs an answer before the assessment can be submitted.";

export function listMissingRequiredAnswers(
  content: ScoringContent | CompiledQuestionnaire,
  answers: Answers,
  teamContext: Answers,
): AnswerIssue[] {
  const compiled = compiledFrom(content);
  // A question the team's context leaves out is not asked, so it needs no answer.
  const notAsked = questionsNotAsked(
    {
      context: compiled.contextQuestions.map(({ question }) => question),
      pitfall: compiled.questions.map(({ question }) => question),
    },
    (field) => teamContext[field],
  );
  const unanswered = (entries: readonly { question: { id: string; required?: boolean } }[], given: Answers) =>
    entries
      .filter(
        ({ question }) => question.required && given[question.id] === undefined && !notAsked.has(question.id),
      )
      .map(({ question }): AnswerIssue => ({ questionId: question.id, message: REQUIRED_MESSAGE }));
  return [...unanswered(compiled.questions, answers), ...unanswered(compiled.contextQuestions, teamContext)];
}

/**
 * Answers that contradict each other, each with the sentence to show beside it:
 *
 * - "Not applicable" answers that the team's own context contradicts, e.g. "we have no on-call
 *   rota" from a team whose context says it runs its own out-of-hours schedule. Scoring treats
 *   such an answer as "don't know".
 * - Answers that cannot all be true (`impossibleAnswers`), e.g. a team of 3 running its own rota
 *   of 6: every answer of the combination is listed. Scoring reads them as unanswered.
 *
 * Submitting refuses both, rather than submitting with a warning. A submitted result is what the
 * team, its coach and the organisation's dashboards compare quarter after quarter; one that rests
 * on an impossible pair would either hide the on-call load the team really carries or invent one,
 * and no later reader could tell which. Only the lead submits, the lead gave both answers, and
 * correcting one takes a moment on the questionnaire, where the same sentence names both; nothing
 * the team could truthfully answer is refused, as only impossible combinations are listed.
 */
export function listContradictedAnswers(
  content: ScoringContent | CompiledQuestionnaire,
  answers: Answers,
  teamContext: Answers,
): AnswerIssue[] {
  const compiled = compiledFrom(content);
  const contextQuestion = (field: string) => compiled.contextQuestionById.get(field)?.question;
  const issues: AnswerIssue[] = [];
  for (const { question } of compiled.questions) {
    if (answers[question.id]?.kind !== "notApplicable") continue;
    const message = notApplicableContradiction(
      question.applicableWhen,
      (field) => teamContext[field],
      contextQuestion,
    );
    if (message) issues.push({ questionId: question.id, message });
  }
  const known = (questionId: string) =>
    compiled.contextQuestionById.has(questionId) || compiled.questionById.has(questionId);
  for (const combination of impossibleAnswers((field) => teamContext[field] ?? answers[field])) {
    for (const questionId of combination.questionIds) {
      if (known(questionId) && !issues.some((issue) => issue.questionId === questionId))
        issues.push({ questionId, message: combination.message });
    }
  }
  return issues;
}

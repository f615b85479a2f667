/**
 * Scoring accepts drafts with blanks (they lower confidence); submitting does not. This lists the
 * required questions still blank, with the same issue shape as answer validation.
 */
import { questionsNotAsked } from "../assessments/asked-questions";
import { notApplicableContradiction } from "../assessments/contradicted-answers";
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
 * "Not applicable" answers that the team's own context contradicts, e.g. "we have no on-call
 * rota" from a team whose context says it runs its own out-of-hours schedule. Scoring treats such
 * an answer as "don't know"; submitting refuses it, so the team fixes one of the two.
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
  return issues;
}

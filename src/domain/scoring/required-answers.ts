/**
 * Scoring accepts drafts with blanks (they lower confidence); submitting does not. This lists the
 * required questions still blank, with the same issue shape as answer validation.
 */
import { questionsNotAsked } from "../assessments/asked-questions";
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
  const issues: AnswerIssue[] = [];
  for (const { question, applicableWhen } of compiled.questions) {
    if (applicableWhen.length === 0 || answers[question.id]?.kind !== "notApplicable") continue;
    const reasons: string[] = [];
    const holds = applicableWhen.every((condition) => {
      const answer = teamContext[condition.field];
      if (answer?.kind !== "value") return false;
      const value = answer.value;
      const met =
        condition.op === "in"
          ? condition.values.includes(value as string | boolean)
          : condition.op === "lt"
            ? typeof value === "number" && value < condition.threshold
            : condition.op === "gt"
              ? typeof value === "number" && value > condition.threshold
              : false;
      if (met) reasons.push(describeContextAnswer(compiled, condition.field, value));
      return met;
    });
    if (!holds) continue;
    issues.push({
      questionId: question.id,
      message: `Your team context says this applies to your team (${reasons.join("; ")}), so it cannot be "not applicable". Answer it, or choose "don't know".`,
    });
  }
  return issues;
}

function describeContextAnswer(compiled: CompiledQuestionnaire, field: string, value: unknown): string {
  const question = compiled.contextQuestionById.get(field)?.question;
  if (!question) return String(value);
  const answer = question.answer;
  const label =
    answer.type === "choice"
      ? (answer.options.find((option) => option.value === value)?.label ?? String(value))
      : answer.type === "yesNo"
        ? value === true
          ? "Yes"
          : "No"
        : String(value);
  return `${question.prompt} ${label}`;
}

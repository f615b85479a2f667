/**
 * Scoring accepts drafts with blanks (they lower confidence); submitting does not. This lists the
 * required questions still blank, with the same issue shape as answer validation.
 */
import type { Answers } from "../content/schema";
import type { AnswerIssue } from "./answer-validation";
import {
  compileQuestionnaire,
  type CompiledQuestionnaire,
  type ScoringContent,
} from "./compile-questionnaire";

const REQUIRED_MESSAGE = "This question needs an answer before the assessment can be submitted.";

export function listMissingRequiredAnswers(
  content: ScoringContent | CompiledQuestionnaire,
  answers: Answers,
  teamContext: Answers,
): AnswerIssue[] {
  const compiled =
    "kind" in content && content.kind === "compiled-questionnaire" ? content : compileQuestionnaire(content);
  const issues: AnswerIssue[] = [];
  for (const { question } of compiled.questions) {
    if (question.required && answers[question.id] === undefined) {
      issues.push({ questionId: question.id, message: REQUIRED_MESSAGE });
    }
  }
  for (const { question } of compiled.contextQuestions) {
    if (question.required && teamContext[question.id] === undefined) {
      issues.push({ questionId: question.id, message: REQUIRED_MESSAGE });
    }
  }
  return issues;
}

/**
 * How one answer turns into risk: 0 = healthy, 1 = the answer fully signals the pitfall.
 *
 * - agreement: spread evenly, each step towards the risky end adds a quarter (1 → 0 … 5 → 1 when
 *   agreeing is risky, mirrored when disagreeing is);
 * - yes/no: 1 for the risky answer, 0 for the other;
 * - choice: the risk the content gives the option;
 * - number: the question's piecewise-linear risk curve, flat beyond its ends.
 */
import type { Question } from "../content/schema";
import { AnswerValidationError, type AnswerValue, valueIssueMessage } from "./answer-validation";
import { compileAnswerRules, valueRiskOrInvalid } from "./compiled-answer-rules";

/** Risk (0..1) of a value for a pitfall question; an invalid value throws `AnswerValidationError`. */
export function answerRisk(question: Question, value: AnswerValue): number {
  const risk = valueRiskOrInvalid(compileAnswerRules(question.answer, false, false), value);
  if (risk < 0) {
    const message =
      valueIssueMessage(question.answer, value) ?? "This value is not accepted for this question.";
    throw new AnswerValidationError([{ questionId: question.id, message }]);
  }
  return risk;
}

/**
 * Risk of a value the caller produced from the answer type itself (e.g. generated demo answers).
 * Throws a plain Error if the value is not valid after all: that is a bug in the caller.
 */
export function riskOfValidValue(answerType: Question["answer"], value: AnswerValue): number {
  const risk = valueRiskOrInvalid(compileAnswerRules(answerType, false, false), value);
  if (risk < 0)
    throw new Error(`${JSON.stringify(value)} is not a valid value for this ${answerType.type} question`);
  return risk;
}

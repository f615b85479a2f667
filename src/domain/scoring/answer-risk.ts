/**
 * How one answer turns into risk: 0 = healthy, 1 = the answer fully signals the pitfall.
 */
import type { Question } from "../content/schema";
import { AnswerValidationError, type AnswerValue, valueIssueMessage } from "./answer-validation";

export interface RiskPoint {
  at: number;
  risk: number;
}

/**
 * Piecewise-linear interpolation over points with increasing `at`; flat beyond both ends, so a
 * curve only has to describe the interesting part of the range.
 */
export function interpolateRiskCurve(curve: readonly RiskPoint[], x: number): number {
  const first = curve[0]!;
  if (x <= first.at) return first.risk;
  let previous = first;
  for (let index = 1; index < curve.length; index++) {
    const point = curve[index]!;
    if (x <= point.at) {
      const span = point.at - previous.at;
      // A zero span only happens in malformed content; take the later point rather than divide by 0.
      if (span <= 0) return point.risk;
      return previous.risk + ((x - previous.at) / span) * (point.risk - previous.risk);
    }
    previous = point;
  }
  return previous.risk;
}

/**
 * Risk of a value that has already been validated. The agreement scale is spread evenly, so each
 * step towards the risky end adds a quarter: 1 → 0, 2 → 0.25, 3 → 0.5, 4 → 0.75, 5 → 1.
 */
export function riskOfValidValue(answerType: Question["answer"], value: AnswerValue): number {
  switch (answerType.type) {
    case "agreement":
      return answerType.riskyWhen === "agree" ? ((value as number) - 1) / 4 : (5 - (value as number)) / 4;
    case "yesNo":
      return (value === true) === (answerType.riskyAnswer === "yes") ? 1 : 0;
    case "choice": {
      const options = answerType.options;
      for (let index = 0; index < options.length; index++) {
        if (options[index]!.value === value) return options[index]!.risk;
      }
      // Unreachable after validation; refusing beats guessing a risk.
      throw new Error(`"${String(value)}" is not an option of this choice question`);
    }
    case "number":
      return interpolateRiskCurve(answerType.riskCurve, value as number);
  }
}

/** Risk (0..1) of a value for a pitfall question; an invalid value throws `AnswerValidationError`. */
export function answerRisk(question: Question, value: AnswerValue): number {
  const message = valueIssueMessage(question.answer, value);
  if (message !== null) throw new AnswerValidationError([{ questionId: question.id, message }]);
  return riskOfValidValue(question.answer, value);
}

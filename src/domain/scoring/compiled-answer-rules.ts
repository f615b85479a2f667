/**
 * The hot-path form of an answer type: plain fields of one shape for every question, so checking
 * and scoring an answer is a switch on a number rather than lookups on content objects of many
 * shapes. `answerIssueMessage` stays the source of the user-facing messages; scoring calls it only
 * for answers this fast check refuses, and the tests hold both to the same verdicts.
 */
import type { ContextQuestion, Question } from "../content/schema";
import { interpolateRiskCurve, type RiskPoint } from "./risk-curve";
import { NOT_APPLICABLE_REASON_MAX, NOT_APPLICABLE_REASON_MIN } from "./answer-validation";

export const AGREEMENT = 0;
export const YES_NO = 1;
export const CHOICE = 2;
export const NUMBER = 3;

/**
 * A class rather than object literals so every instance gets one hidden class: literals built
 * per answer type (or with spreads) end up with dozens, and every read in the hot path goes
 * megamorphic.
 */
export class CompiledAnswerRules {
  constructor(
    readonly answerKind: number,
    /** Agreement: agreeing is risky. Yes/no: "yes" is risky. */
    readonly riskyHigh: boolean,
    readonly optionValues: readonly string[],
    /** Risk per option; all 0 for context questions, which carry no risk of their own. */
    readonly optionRisks: readonly number[],
    readonly min: number,
    readonly max: number,
    readonly integer: boolean,
    readonly curve: readonly RiskPoint[],
    readonly allowDontKnow: boolean,
    readonly allowNotApplicable: boolean,
  ) {}
}

class CompiledRiskPoint implements RiskPoint {
  constructor(
    readonly at: number,
    readonly risk: number,
  ) {}
}

/**
 * Created first, with fractional numbers, so the number fields start out as doubles. Were the
 * first instances to hold small integers, a later fractional value would change the field's
 * representation and leave those early instances on a deprecated hidden class.
 */
const NO_CURVE: readonly RiskPoint[] = [new CompiledRiskPoint(0.5, 0.5)];
new CompiledAnswerRules(NUMBER, false, [], [], 0.5, 0.5, false, NO_CURVE, false, false);
const NO_OPTIONS: readonly string[] = [];
const NO_RISKS: readonly number[] = [];

export function compileAnswerRules(
  answerType: Question["answer"] | ContextQuestion["answer"],
  allowDontKnow: boolean,
  allowNotApplicable: boolean,
): CompiledAnswerRules {
  switch (answerType.type) {
    case "agreement":
      return new CompiledAnswerRules(
        AGREEMENT,
        answerType.riskyWhen === "agree",
        NO_OPTIONS,
        NO_RISKS,
        1,
        5,
        true,
        NO_CURVE,
        allowDontKnow,
        allowNotApplicable,
      );
    case "yesNo":
      return new CompiledAnswerRules(
        YES_NO,
        "riskyAnswer" in answerType && answerType.riskyAnswer === "yes",
        NO_OPTIONS,
        NO_RISKS,
        0,
        0,
        false,
        NO_CURVE,
        allowDontKnow,
        allowNotApplicable,
      );
    case "choice":
      return new CompiledAnswerRules(
        CHOICE,
        false,
        answerType.options.map((option) => option.value),
        answerType.options.map((option) => ("risk" in option ? option.risk : 0)),
        0,
        0,
        false,
        NO_CURVE,
        allowDontKnow,
        allowNotApplicable,
      );
    case "number":
      return new CompiledAnswerRules(
        NUMBER,
        false,
        NO_OPTIONS,
        NO_RISKS,
        answerType.min,
        answerType.max,
        answerType.integer,
        // Copied into points of one shape, for the same reason as the class above.
        "riskCurve" in answerType
          ? answerType.riskCurve.map((point) => new CompiledRiskPoint(point.at, point.risk))
          : NO_CURVE,
        allowDontKnow,
        allowNotApplicable,
      );
  }
}

/** Compiles the answer rules of a pitfall or context question (context questions never allow N/A). */
export function compileQuestionAnswerRules(question: Question | ContextQuestion): CompiledAnswerRules {
  const allowNotApplicable = "allowNotApplicable" in question && question.allowNotApplicable;
  return compileAnswerRules(question.answer, question.allowDontKnow, allowNotApplicable);
}

/** Risk of `value` (0..1), or -1 when the value is not acceptable for the question. */
export function valueRiskOrInvalid(rules: CompiledAnswerRules, value: unknown): number {
  switch (rules.answerKind) {
    case AGREEMENT:
      if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 5) return -1;
      return rules.riskyHigh ? (value - 1) / 4 : (5 - value) / 4;
    case YES_NO:
      if (typeof value !== "boolean") return -1;
      return value === rules.riskyHigh ? 1 : 0;
    case CHOICE: {
      const values = rules.optionValues;
      for (let index = 0; index < values.length; index++) {
        if (values[index] === value) return rules.optionRisks[index]!;
      }
      return -1;
    }
    default:
      if (typeof value !== "number" || !(value >= rules.min && value <= rules.max)) return -1;
      if (rules.integer && !Number.isInteger(value)) return -1;
      return interpolateRiskCurve(rules.curve, value);
  }
}

/** Whether a "not applicable" answer is acceptable: allowed, with a reason of sensible length. */
export function acceptsNotApplicable(rules: CompiledAnswerRules, reason: unknown): boolean {
  if (!rules.allowNotApplicable || typeof reason !== "string") return false;
  const length = reason.trim().length;
  return length >= NOT_APPLICABLE_REASON_MIN && length <= NOT_APPLICABLE_REASON_MAX;
}

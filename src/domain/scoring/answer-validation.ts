/**
 * Answer validation shared by scoring, the questionnaire autosave and the API: one place decides
 * what a well-formed answer is, so a value the UI accepted is never rejected by scoring or scored
 * silently when it should have been refused.
 */
import type { ContextQuestion, NUMBER_UNITS, Question } from "../content/schema";

/** The stored value of a "value" answer: 1..5 (agreement), boolean (yes/no), option value (choice), number. */
export type AnswerValue = number | string | boolean;

/** One problem with one answer, phrased for the person filling in the questionnaire. */
export interface AnswerIssue {
  questionId: string;
  message: string;
}

/** Thrown instead of scoring when any answer or team context value is malformed. */
export class AnswerValidationError extends Error {
  override readonly name = "AnswerValidationError";
  readonly issues: readonly AnswerIssue[];

  constructor(issues: readonly AnswerIssue[]) {
    super(
      `${issues.length} invalid answer${issues.length === 1 ? "" : "s"}: ` +
        issues.map((issue) => `${issue.questionId}: ${issue.message}`).join("; "),
    );
    this.issues = issues;
  }
}

type AnyQuestion = Question | ContextQuestion;
type AnyAnswerType = AnyQuestion["answer"];
type NumberUnit = (typeof NUMBER_UNITS)[number];

/** The minimum and maximum length of a "not applicable" reason, as in the stored answer schema. */
export const NOT_APPLICABLE_REASON_MIN = 3;
export const NOT_APPLICABLE_REASON_MAX = 500;

const AGREEMENT_MESSAGE = "Choose a point on the scale from 1 (strongly disagree) to 5 (strongly agree).";
const YES_NO_MESSAGE = "Answer yes or no.";
const MALFORMED_MESSAGE =
  "The answer is malformed: expected a value, \u201cdon't know\u201d, or \u201cnot applicable\u201d with a reason.";
const DONT_KNOW_REFUSED = "\u201cDon't know\u201d is not accepted for this question; choose an answer.";
const NOT_APPLICABLE_REFUSED =
  "\u201cNot applicable\u201d is not accepted for this question; choose an answer.";
const NOT_APPLICABLE_REFUSED_FOR_CONTEXT =
  "\u201cNot applicable\u201d is not accepted for team context questions; choose an answer.";
const REASON_MISSING = `Say briefly why this question does not apply (at least ${NOT_APPLICABLE_REASON_MIN} characters).`;
const REASON_TOO_LONG = `Keep the reason for \u201cnot applicable\u201d under ${NOT_APPLICABLE_REASON_MAX} characters.`;

/** Context questions have no "not applicable": the team context always applies to the team. */
function allowsNotApplicable(question: AnyQuestion): boolean {
  return "allowNotApplicable" in question && question.allowNotApplicable;
}

/**
 * The problem with an answer to `question`, or null when it is acceptable. `answer` is `unknown`
 * because answers arrive from storage and forms; the checks are the whole contract.
 */
export function answerIssueMessage(question: AnyQuestion, answer: unknown): string | null {
  if (typeof answer !== "object" || answer === null) return MALFORMED_MESSAGE;
  const kind = (answer as { kind?: unknown }).kind;
  if (kind === "value") return valueIssueMessage(question.answer, (answer as { value?: unknown }).value);
  if (kind === "dontKnow") return question.allowDontKnow ? null : DONT_KNOW_REFUSED;
  if (kind === "notApplicable") {
    if (!allowsNotApplicable(question)) {
      return "allowNotApplicable" in question ? NOT_APPLICABLE_REFUSED : NOT_APPLICABLE_REFUSED_FOR_CONTEXT;
    }
    const reason = (answer as { reason?: unknown }).reason;
    if (typeof reason !== "string") return REASON_MISSING;
    const length = reason.trim().length;
    if (length < NOT_APPLICABLE_REASON_MIN) return REASON_MISSING;
    if (length > NOT_APPLICABLE_REASON_MAX) return REASON_TOO_LONG;
    return null;
  }
  return MALFORMED_MESSAGE;
}

/** The problem with a value for an answer type, or null when the value is acceptable. */
export function valueIssueMessage(answerType: AnyAnswerType, value: unknown): string | null {
  switch (answerType.type) {
    case "agreement":
      return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5
        ? null
        : AGREEMENT_MESSAGE;
    case "yesNo":
      return typeof value === "boolean" ? null : YES_NO_MESSAGE;
    case "choice": {
      if (typeof value === "string") {
        for (const option of answerType.options) if (option.value === value) return null;
      }
      return `Choose one of: ${answerType.options.map((option) => option.label).join(", ")}.`;
    }
    case "number": {
      const { min, max, integer } = answerType;
      if (typeof value !== "number" || !Number.isFinite(value)) return `Enter ${wantedNumber(answerType)}.`;
      if (value < min || value > max || (integer && !Number.isInteger(value))) {
        return `Enter ${wantedNumber(answerType)} (you entered ${formatNumber(value)}).`;
      }
      return null;
    }
  }
}

/** Validates a single answer, e.g. one autosaved field. Returns the issue, or null when valid. */
export function validateAnswer(question: AnyQuestion, answer: unknown): AnswerIssue | null {
  const message = answerIssueMessage(question, answer);
  return message === null ? null : { questionId: question.id, message };
}

/** "a whole number between 0 and 100 per week", "a number between 0% and 100%". */
function wantedNumber(answerType: { min: number; max: number; integer: boolean; unit: NumberUnit }): string {
  return `${answerType.integer ? "a whole number" : "a number"} ${describeRange(answerType.min, answerType.max, answerType.unit)}`;
}

/** "between 0 and 100 per week", "between 0% and 100%", "between 1 and 20 people". */
function describeRange(min: number, max: number, unit: NumberUnit): string {
  if (unit === "percent") return `between ${formatNumber(min)}% and ${formatNumber(max)}%`;
  // The range's words follow its upper end: "between 1 and 20 people", "between 0 and 1 day".
  const word = unitWord(max, unit);
  return `between ${formatNumber(min)} and ${formatNumber(max)}${word ? ` ${word}` : ""}`;
}

/** Unit words in the singular and plural: "1 person", "100 people", "1 hour", "0 hours". */
const UNIT_WORDS: Record<Exclude<NumberUnit, "percent" | "count">, { one: string; many: string }> = {
  "per-week": { one: "per week", many: "per week" },
  "per-month": { one: "per month", many: "per month" },
  "per-shift": { one: "per shift", many: "per shift" },
  hours: { one: "hour", many: "hours" },
  days: { one: "day", many: "days" },
  people: { one: "person", many: "people" },
};

/** The unit word a quantity takes: singular for exactly 1, plural otherwise ("" for plain counts). */
export function unitWord(value: number, unit: NumberUnit): string {
  if (unit === "percent") return "%";
  if (unit === "count") return "";
  const words = UNIT_WORDS[unit];
  return value === 1 ? words.one : words.many;
}

/** A number with its unit: "12%", "1 person", "100 people", "3 per week", "7". */
export function formatQuantity(value: number, unit: NumberUnit): string {
  if (unit === "percent") return `${formatNumber(value)}%`;
  const word = unitWord(value, unit);
  return word ? `${formatNumber(value)} ${word}` : formatNumber(value);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}

/** Human-readable text of a stored value, for explanations and exports ("Agree", "Yes", "12 per week"). */
export function describeAnswerValue(question: AnyQuestion, value: AnswerValue): string {
  const answerType = question.answer;
  switch (answerType.type) {
    case "agreement":
      return AGREEMENT_LABELS[value as number] ?? String(value);
    case "yesNo":
      return value === true ? "Yes" : value === false ? "No" : String(value);
    case "choice":
      return answerType.options.find((option) => option.value === value)?.label ?? String(value);
    case "number":
      if (typeof value !== "number") return String(value);
      return formatQuantity(value, answerType.unit);
  }
}

export const AGREEMENT_LABELS: Readonly<Record<number, string>> = {
  1: "Strongly disagree",
  2: "Disagree",
  3: "Neither agree nor disagree",
  4: "Agree",
  5: "Strongly agree",
};

/**
 * The answer behind a question's contribution to a score, in words. Results stored before method
 * v2 have no `answer` field: they always hold a value.
 */
export function describeContributionAnswer(
  question: AnyQuestion | undefined,
  contribution: { answer?: "value" | "dontKnow" | "contradiction"; value: AnswerValue | null },
): string {
  if (contribution.answer === "dontKnow")
    return "Don't know (not knowing this is itself a sign of the pitfall)";
  if (contribution.answer === "contradiction")
    return "Not applicable, although the team context says it applies (counted as don't know)";
  if (contribution.value === null) return "Don't know";
  return question ? describeAnswerValue(question, contribution.value) : String(contribution.value);
}

/**
 * What a team's individual answers to one question say together: how they are spread, whether the
 * team is split, and the team answer they suggest. The lead settles the team answer; this only
 * proposes it and shows where the team disagrees, which is often the most useful finding.
 *
 * Spread is measured in risk, the same 0..1 scale every answer type is scored on (see
 * `answerRisk`), so one rule fits agreement scales, yes/no, choices and numbers alike: the spread
 * of a question is the highest risk among the answers given as values minus the lowest. The team
 * is **split** when at least two people answered with a value and the spread is at least
 * `SPLIT_SPREAD` — their answers point to risks half the scale or more apart: "agree" against
 * "disagree", yes against no, a healthy option against a risky one, numbers on opposite sides of
 * the risk curve. "Don't know" and "not applicable" are counted but take no part in the spread.
 *
 * The suggested team answer:
 * - when most people said "don't know" (or "not applicable"), that, if the question allows it; for
 *   "not applicable", with the most common reason (equally common reasons alphabetically);
 * - numbers: the median (the mean of the two middle values for an even count, rounded for whole
 *   numbers, otherwise to two decimals, and never beyond the lowest or highest number given);
 * - agreement: the median point of the scale; with an even count, the riskier of the two middle
 *   points, so a split team's suggestion never hides the risk half of it sees;
 * - yes/no and choices: the most common answer; a tie goes to the riskier answer for the same reason.
 */
import type { Answer, ContextQuestion, Question } from "../content/schema";
import { answerRisk, type AnswerValue } from "../scoring";

/** Answers this far apart in risk, or further, split the team. */
export const SPLIT_SPREAD = 0.5;

export interface AnswerCount {
  /** The answer as the question stores it; `null` for "don't know" and "not applicable". */
  value: AnswerValue | null;
  kind: Answer["kind"];
  count: number;
}

export interface TeamAnswerSummary {
  /** People who answered the question at all. */
  respondents: number;
  /** Distinct answers, most common first (ties in the order of the answer scale). */
  counts: AnswerCount[];
  /** Highest minus lowest risk among answers given as values; null with fewer than two. */
  spread: number | null;
  split: boolean;
  /** The team answer the individual answers suggest; null when nobody answered. */
  suggestion: Answer | null;
}

type AnyQuestion = Question | ContextQuestion;

function riskOf(question: AnyQuestion, value: AnswerValue): number | null {
  if (!("weight" in question)) return null;
  try {
    return answerRisk(question, value);
  } catch {
    // An answer the current content no longer accepts takes no part in the spread or suggestion.
    return null;
  }
}

/** Position of a value on its scale, so counts list in the order people see the options. */
function scalePosition(question: AnyQuestion, value: AnswerValue): number {
  const answer = question.answer;
  if (answer.type === "choice") return answer.options.findIndex((option) => option.value === value);
  if (answer.type === "yesNo") return value === true ? 0 : 1;
  return typeof value === "number" ? value : 0;
}

function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summariseTeamAnswers(question: AnyQuestion, answers: readonly Answer[]): TeamAnswerSummary {
  const valueCounts = new Map<string, AnswerCount & { risk: number | null; position: number }>();
  let dontKnow = 0;
  let notApplicable = 0;
  const reasons = new Map<string, number>();
  const values: AnswerValue[] = [];
  for (const answer of answers) {
    if (answer.kind === "dontKnow") dontKnow++;
    else if (answer.kind === "notApplicable") {
      notApplicable++;
      reasons.set(answer.reason, (reasons.get(answer.reason) ?? 0) + 1);
    } else {
      values.push(answer.value);
      const key = JSON.stringify(answer.value);
      const entry = valueCounts.get(key);
      if (entry) entry.count++;
      else
        valueCounts.set(key, {
          value: answer.value,
          kind: "value",
          count: 1,
          risk: riskOf(question, answer.value),
          position: scalePosition(question, answer.value),
        });
    }
  }

  const ranked = [...valueCounts.values()].sort((a, b) => b.count - a.count || a.position - b.position);
  const counts: AnswerCount[] = ranked.map(({ value, kind, count }) => ({ value, kind, count }));
  if (dontKnow > 0) counts.push({ value: null, kind: "dontKnow", count: dontKnow });
  if (notApplicable > 0) counts.push({ value: null, kind: "notApplicable", count: notApplicable });

  const risks = ranked.flatMap((entry) =>
    entry.risk === null ? [] : new Array<number>(entry.count).fill(entry.risk),
  );
  const spread =
    risks.length >= 2 ? Math.round((Math.max(...risks) - Math.min(...risks)) * 1000) / 1000 : null;

  return {
    respondents: answers.length,
    counts,
    spread,
    split: spread !== null && spread >= SPLIT_SPREAD,
    suggestion: suggestTeamAnswer(question, values, ranked, dontKnow, notApplicable, reasons),
  };
}

function suggestTeamAnswer(
  question: AnyQuestion,
  values: readonly AnswerValue[],
  ranked: readonly { value: AnswerValue | null; count: number; risk: number | null }[],
  dontKnow: number,
  notApplicable: number,
  reasons: ReadonlyMap<string, number>,
): Answer | null {
  const allowsNotApplicable = "allowNotApplicable" in question && question.allowNotApplicable;
  const allowsDontKnow = question.allowDontKnow;
  // Equally common reasons go alphabetically, so the order people answered in never matters.
  const mostCommonReason = () =>
    [...reasons.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
  if (allowsNotApplicable && notApplicable > values.length && notApplicable >= dontKnow)
    return { kind: "notApplicable", reason: mostCommonReason() };
  if (allowsDontKnow && dontKnow > values.length) return { kind: "dontKnow" };
  if (values.length === 0) {
    return allowsNotApplicable && notApplicable > 0
      ? { kind: "notApplicable", reason: mostCommonReason() }
      : null;
  }

  const answer = question.answer;
  if (answer.type === "number") {
    const sorted = [...(values as number[])].sort((a, b) => a - b);
    const middle = median(sorted);
    const rounded = answer.integer ? Math.round(middle) : Math.round(middle * 100) / 100;
    // Rounding must not carry the suggestion past the answers it comes from (0.001 and 0.002 → 0).
    return { kind: "value", value: Math.min(Math.max(rounded, sorted[0]!), sorted[sorted.length - 1]!) };
  }
  if (answer.type === "agreement") {
    const sorted = [...(values as number[])].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    if (sorted.length % 2 === 1) return { kind: "value", value: sorted[middle]! };
    const lower = sorted[middle - 1]!;
    const upper = sorted[middle]!;
    const riskier = (riskOf(question, upper) ?? 0) >= (riskOf(question, lower) ?? 0) ? upper : lower;
    return { kind: "value", value: riskier };
  }
  // Most common; among equally common answers, the riskier one.
  const top = ranked[0]!.count;
  const tied = ranked.filter((entry) => entry.count === top);
  const choice = tied.reduce((best, entry) => ((entry.risk ?? 0) > (best.risk ?? 0) ? entry : best));
  return { kind: "value", value: choice.value! };
}

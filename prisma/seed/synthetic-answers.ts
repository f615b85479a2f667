/**
 * Believable answers for demo and benchmark organisations. A team has a "risk propensity" per
 * pitfall (0 healthy .. 1 deep in the pitfall); each answer is the option or value whose risk is
 * closest to that propensity plus some noise, so scores spread realistically without any
 * knowledge of individual questions.
 */
import type { Answer, ContextQuestion, Question, Questionnaire } from "../../src/domain/content/schema";
import { riskOfValidValue } from "../../src/domain/scoring/answer-risk";

/** Small deterministic PRNG (mulberry32) so demo data is the same on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function candidateValues(question: Question): (number | string | boolean)[] {
  const answer = question.answer;
  switch (answer.type) {
    case "agreement":
      return [1, 2, 3, 4, 5];
    case "yesNo":
      return [true, false];
    case "choice":
      return answer.options.map((option) => option.value);
    case "number": {
      const steps = 24;
      const values = new Set<number>();
      for (let step = 0; step <= steps; step++) {
        const raw = answer.min + ((answer.max - answer.min) * step) / steps;
        values.add(answer.integer ? Math.round(raw) : Math.round(raw * 10) / 10);
      }
      for (const point of answer.riskCurve) {
        if (point.at >= answer.min && point.at <= answer.max) {
          values.add(answer.integer ? Math.round(point.at) : point.at);
        }
      }
      return [...values];
    }
  }
}

/** An answer whose risk is near `propensity` (with noise); sometimes "don't know" where allowed. */
export function syntheticAnswer(question: Question, propensity: number, random: Random): Answer {
  if (question.allowDontKnow && random() < 0.04) return { kind: "dontKnow" };
  const target = clamp01(propensity + (random() - 0.5) * 0.5);
  let best: number | string | boolean = candidateValues(question)[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const value of candidateValues(question)) {
    // Random tie-breaking keeps flat stretches of a risk curve from always yielding the same value.
    const distance = Math.abs(riskOfValidValue(question.answer, value) - target) + random() * 0.05;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = value;
    }
  }
  return { kind: "value", value: best };
}

export interface TeamProfile {
  /** Risk propensity per pitfall id. */
  propensity: Record<string, number>;
  /** Chosen team context answers keyed by context question id. */
  context: Record<string, Answer>;
}

/** Answers for every pitfall question of a questionnaire, given a team's propensities. */
export function syntheticAssessmentAnswers(
  questionnaire: Questionnaire,
  propensity: Record<string, number>,
  random: Random,
): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const section of questionnaire.sections) {
    const base = propensity[section.pitfallId] ?? 0.3;
    for (const question of section.questions) {
      answers[question.id] = syntheticAnswer(question, base, random);
    }
  }
  return answers;
}

/** A plausible team context: mostly sensible choices, some teams with the classic misfits. */
export function syntheticContext(questionnaire: Questionnaire, random: Random): Record<string, Answer> {
  const context: Record<string, Answer> = {};
  for (const question of questionnaire.context) {
    context[question.id] = syntheticContextAnswer(question, random);
  }
  return context;
}

function syntheticContextAnswer(question: ContextQuestion, random: Random): Answer {
  const answer = question.answer;
  switch (answer.type) {
    case "yesNo":
      return { kind: "value", value: random() < 0.5 };
    case "choice":
      return { kind: "value", value: pick(random, answer.options).value };
    case "number": {
      const span = answer.max - answer.min;
      // Team-sized numbers cluster in the lower part of their range.
      const raw = answer.min + span * Math.pow(random(), 3);
      return { kind: "value", value: answer.integer ? Math.round(raw) : Math.round(raw * 10) / 10 };
    }
  }
}

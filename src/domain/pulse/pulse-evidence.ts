/**
 * The anonymous pulse as evidence. People answer pulse questions on their own and only counts per
 * option are kept; this turns those counts into what may be shown and what is scored.
 *
 * - k-anonymity: a question's counts are shown, and scored, only once at least `minAnswers` people
 *   answered it (never fewer than `MIN_PULSE_ANSWERS`). Below that nothing about the answers is
 *   returned: not the counts, not the average, only that there are not enough answers yet.
 * - Evidence: a shown question counts for its pitfall like one more answered question, at the pulse
 *   question's own weight, with a risk equal to the average risk of the options people chose.
 *   It enters the scoring engine as a percentage question (0–100, risk rising evenly), so it is
 *   explained, weighted and ranked like any other answer.
 */
import type { Answers, ContextRule, PulseQuestion, Question, Questionnaire } from "../content/schema";

/** The smallest group whose answers are ever shown; a configured threshold below it is raised to it. */
export const MIN_PULSE_ANSWERS = 4;

export interface PulseTally {
  questionId: string;
  option: string;
  count: number;
}

export interface PulseOptionCount {
  option: string;
  label: string;
  count: number;
}

export type PulseAggregate =
  | {
      questionId: string;
      pitfallId: PulseQuestion["pitfallId"];
      shown: true;
      respondents: number;
      counts: PulseOptionCount[];
      /** Average risk of the chosen options, 0..1, rounded to 3 places. */
      averageRisk: number;
    }
  | {
      questionId: string;
      pitfallId: PulseQuestion["pitfallId"];
      /** Fewer people than the threshold answered: nothing about their answers is given. */
      shown: false;
    };

/** The threshold in force: the configured one, but never below `MIN_PULSE_ANSWERS`. */
export function effectiveMinimum(configured: number): number {
  return Number.isFinite(configured) ? Math.max(MIN_PULSE_ANSWERS, Math.ceil(configured)) : MIN_PULSE_ANSWERS;
}

export function aggregatePulse(
  questions: readonly PulseQuestion[],
  tallies: readonly PulseTally[],
  minAnswers: number,
): PulseAggregate[] {
  const threshold = effectiveMinimum(minAnswers);
  const countsByQuestion = new Map<string, Map<string, number>>();
  for (const tally of tallies) {
    if (!(tally.count > 0)) continue;
    let counts = countsByQuestion.get(tally.questionId);
    if (!counts) countsByQuestion.set(tally.questionId, (counts = new Map()));
    counts.set(tally.option, (counts.get(tally.option) ?? 0) + tally.count);
  }
  return questions.map((question) => {
    const counts = countsByQuestion.get(question.id);
    let respondents = 0;
    let riskSum = 0;
    for (const option of question.options) {
      const count = counts?.get(option.value) ?? 0;
      respondents += count;
      riskSum += count * option.risk;
    }
    if (respondents < threshold)
      return { questionId: question.id, pitfallId: question.pitfallId, shown: false };
    return {
      questionId: question.id,
      pitfallId: question.pitfallId,
      shown: true,
      respondents,
      counts: question.options.map((option) => ({
        option: option.value,
        label: option.label,
        count: counts?.get(option.value) ?? 0,
      })),
      averageRisk: Math.round((riskSum / respondents) * 1000) / 1000,
    };
  });
}

/** The engine-facing question for a pulse question: a percentage whose risk rises evenly to 1 at 100. */
function evidenceQuestion(question: PulseQuestion): Question {
  return {
    id: question.id,
    prompt: question.evidenceLabel,
    help: question.help,
    answer: {
      type: "number",
      unit: "percent",
      min: 0,
      max: 100,
      integer: false,
      riskCurve: [
        { at: 0, risk: 0 },
        { at: 100, risk: 1 },
      ],
    },
    weight: question.weight,
    detects: question.detects,
    allowDontKnow: false,
    allowNotApplicable: false,
    required: false,
  };
}

/**
 * A shown pulse question's floor as a rule of weight 0 over its evidence question: the answers
 * already count at the question's weight, the rule only holds the pitfall at the band. Read on the
 * percentage the evidence question holds, so "from 0.7" is "more than 69.95".
 */
function floorRule(question: PulseQuestion): ContextRule[] {
  if (!question.floor) return [];
  return [
    {
      id: `${question.id}-floor`,
      pitfallId: question.pitfallId,
      explanation: question.floor.explanation,
      when: [{ field: question.id, op: "gt", value: question.floor.averageRiskFrom * 100 - 0.05 }],
      weight: 0,
      floor: question.floor.band,
      detects: { symptoms: question.detects.symptoms, causes: [] },
    },
  ];
}

const variants = new WeakMap<Questionnaire, Map<string, Questionnaire>>();

/**
 * `questionnaire` with the given pulse questions added to their pitfalls' sections as evidence.
 * The same object is returned for the same set, so the engine's compiled form is cached per set.
 */
export function questionnaireWithPulseEvidence(
  questionnaire: Questionnaire,
  pulseQuestionIds: readonly string[],
): Questionnaire {
  if (pulseQuestionIds.length === 0) return questionnaire;
  const wanted = new Set(pulseQuestionIds);
  const included = (questionnaire.pulse ?? []).filter((question) => wanted.has(question.id));
  if (included.length === 0) return questionnaire;
  const key = included.map((question) => question.id).join(" ");
  let byKey = variants.get(questionnaire);
  if (!byKey) variants.set(questionnaire, (byKey = new Map()));
  let variant = byKey.get(key);
  if (!variant) {
    variant = {
      ...questionnaire,
      contextRules: [...questionnaire.contextRules, ...included.flatMap(floorRule)],
      sections: questionnaire.sections.map((section) => {
        const added = included.filter((question) => question.pitfallId === section.pitfallId);
        return added.length === 0
          ? section
          : { ...section, questions: [...section.questions, ...added.map(evidenceQuestion)] };
      }),
    };
    byKey.set(key, variant);
  }
  return variant;
}

export interface PulseScoringInput {
  questionnaire: Questionnaire;
  /** The team's answers with one answer per shown pulse question: its average risk as a percentage. */
  answers: Answers;
}

/** What to score: the questionnaire with the shown pulse questions as evidence, and their answers. */
export function withPulseEvidence(
  questionnaire: Questionnaire,
  answers: Answers,
  aggregates: readonly PulseAggregate[],
): PulseScoringInput {
  const shown = aggregates.filter((aggregate) => aggregate.shown);
  if (shown.length === 0) return { questionnaire, answers };
  const withPulse: Record<string, Answers[string]> = { ...answers };
  for (const aggregate of shown) {
    withPulse[aggregate.questionId] = { kind: "value", value: Math.round(aggregate.averageRisk * 1000) / 10 };
  }
  return {
    questionnaire: questionnaireWithPulseEvidence(
      questionnaire,
      shown.map((aggregate) => aggregate.questionId),
    ),
    answers: withPulse,
  };
}

/** The pulse question a scored contribution came from, if it came from one. */
export function pulseQuestionOf(questionnaire: Questionnaire, questionId: string): PulseQuestion | undefined {
  return questionnaire.pulse?.find((question) => question.id === questionId);
}

/** How a scored pulse contribution reads: the evidence label, and its value in words. */
export function describePulseContribution(
  question: PulseQuestion,
  value: number | string | boolean | null,
): { label: string; answer: string } {
  const figure = typeof value === "number" ? Math.round(value) : null;
  return {
    label: question.evidenceLabel,
    answer:
      figure === null
        ? "Anonymous pulse"
        : `Anonymous pulse: the answers average ${figure} on a scale from 0 (the healthiest answer) to 100 (the riskiest)`,
  };
}

/**
 * fast-check generators of answers and team contexts for a real questionnaire that aim at what
 * scoring cares about: the ends of each number range, its risk curve's breakpoints, every rule
 * threshold and either side of it, every option of every context question, "don't know", "not
 * applicable" where allowed, and blanks; whole sections answered, left unknown or mixed.
 */
import fc from "fast-check";
import type {
  Answer,
  Answers,
  ContextQuestion,
  Question,
  Questionnaire,
  QuestionSection,
} from "../../../src/domain/content/schema";

export const value = (answerValue: number | string | boolean): Answer => ({
  kind: "value",
  value: answerValue,
});
export const dontKnow: Answer = { kind: "dontKnow" };
export const notApplicable: Answer = { kind: "notApplicable", reason: "Not how we work" };

/** Round figures the rules and curves care about: rota sizes, percentages around the 25/33/50 marks. */
const LANDMARKS = [0, 1, 2, 3, 4, 5, 6, 10, 20, 25, 30, 33.3, 49.9, 49.99, 50, 60, 70, 75, 80, 90, 100];

/**
 * Numbers worth hitting for a number question: its ends, its curve's breakpoints, the thresholds
 * of every rule condition on it (and either side of them), and the landmarks, within its range.
 */
export function interestingNumbers(
  questionnaire: Questionnaire,
  fieldId: string,
  answerType: { min: number; max: number; integer: boolean; riskCurve?: readonly { at: number }[] },
): number[] {
  const candidates = [answerType.min, answerType.max, ...LANDMARKS];
  for (const point of answerType.riskCurve ?? []) candidates.push(point.at, point.at - 0.01, point.at + 0.01);
  const conditions = questionnaire.contextRules.flatMap((rule) => [
    ...(rule.appliesWhen ?? []),
    ...rule.when,
  ]);
  const questionConditions = questionnaire.sections
    .flatMap((section) => section.questions)
    .flatMap((question) => [...(question.appliesWhen ?? []), ...(question.applicableWhen ?? [])]);
  for (const condition of [...conditions, ...questionConditions]) {
    if (condition.field !== fieldId || (condition.op !== "lt" && condition.op !== "gt")) continue;
    const threshold = condition.value;
    candidates.push(
      threshold,
      threshold - 0.01,
      threshold + 0.01,
      Math.floor(threshold),
      Math.ceil(threshold),
    );
  }
  const inRange = candidates.filter(
    (candidate) =>
      candidate >= answerType.min &&
      candidate <= answerType.max &&
      (!answerType.integer || Number.isInteger(candidate)),
  );
  return [...new Set(inRange)].sort((a, b) => a - b);
}

function valueOf(
  questionnaire: Questionnaire,
  question: Question | ContextQuestion,
): fc.Arbitrary<number | string | boolean> {
  const answerType = question.answer;
  switch (answerType.type) {
    case "agreement":
      return fc.constantFrom(1, 2, 3, 4, 5);
    case "yesNo":
      return fc.boolean();
    case "choice":
      return fc.constantFrom(...answerType.options.map((option) => option.value));
    case "number": {
      const { min, max, integer } = answerType;
      const special = fc.constantFrom(...interestingNumbers(questionnaire, question.id, answerType));
      const whole = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      if (integer) return fc.oneof({ arbitrary: special, weight: 3 }, { arbitrary: whole, weight: 1 });
      const anyNumber = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return fc.oneof(
        { arbitrary: special, weight: 3 },
        { arbitrary: whole, weight: 1 },
        { arbitrary: anyNumber, weight: 1 },
      );
    }
  }
}

/**
 * How a whole section is answered: a mix of everything; complete with values; only "don't know",
 * "not applicable" and blanks; or "not applicable" wherever the question allows it (the way a
 * section ends up not assessed).
 */
type SectionMode = "mixed" | "values" | "unknowns" | "notApplicable";

/** One answer (undefined = blank) to a pitfall question, in the section's mode. */
function pitfallAnswer(
  questionnaire: Questionnaire,
  question: Question,
  mode: SectionMode,
): fc.Arbitrary<Answer | undefined> {
  const given = valueOf(questionnaire, question).map(value);
  const unknowns: fc.WeightedArbitrary<Answer | undefined>[] = [
    { arbitrary: fc.constant(undefined), weight: 1 },
  ];
  if (question.allowDontKnow) unknowns.push({ arbitrary: fc.constant(dontKnow), weight: 1 });
  if (question.allowNotApplicable) unknowns.push({ arbitrary: fc.constant(notApplicable), weight: 1 });
  if (mode === "values") return given;
  if (mode === "unknowns") return fc.oneof(...unknowns);
  if (mode === "notApplicable") {
    return question.allowNotApplicable ? fc.constant(notApplicable) : fc.oneof(given, ...unknowns);
  }
  return fc.oneof({ arbitrary: given, weight: 2 * unknowns.length + 1 }, ...unknowns);
}

function sectionAnswers(
  questionnaire: Questionnaire,
  section: QuestionSection,
): fc.Arbitrary<[string, Answer | undefined][]> {
  const mode = fc.oneof(
    { arbitrary: fc.constant<SectionMode>("mixed"), weight: 6 },
    { arbitrary: fc.constant<SectionMode>("values"), weight: 3 },
    { arbitrary: fc.constant<SectionMode>("unknowns"), weight: 1 },
    { arbitrary: fc.constant<SectionMode>("notApplicable"), weight: 1 },
  );
  return mode.chain((chosen) =>
    fc.tuple(
      ...section.questions.map((question) =>
        pitfallAnswer(questionnaire, question, chosen).map((answer): [string, Answer | undefined] => [
          question.id,
          answer,
        ]),
      ),
    ),
  );
}

function toAnswers(entries: readonly [string, Answer | undefined][]): Answers {
  const answers: Record<string, Answer> = {};
  for (const [id, answer] of entries) if (answer !== undefined) answers[id] = answer;
  return answers;
}

export function answersOf(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  return fc
    .tuple(...questionnaire.sections.map((section) => sectionAnswers(questionnaire, section)))
    .map((sections) => toAnswers(sections.flat()));
}

/** Every option of every context question (exposure band, target, on-call setup...), don't know and blanks. */
export function teamContextOf(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  return fc
    .tuple(
      ...questionnaire.context.map((question) => {
        const options: fc.WeightedArbitrary<Answer | undefined>[] = [
          { arbitrary: valueOf(questionnaire, question).map(value), weight: 6 },
          { arbitrary: fc.constant(undefined), weight: 1 },
        ];
        if (question.allowDontKnow) options.push({ arbitrary: fc.constant(dontKnow), weight: 1 });
        return fc.oneof(...options).map((answer): [string, Answer | undefined] => [question.id, answer]);
      }),
    )
    .map(toAnswers);
}

/** fast-check generators of valid answers and team contexts for any questionnaire. */
import fc from "fast-check";
import type {
  Answer,
  Answers,
  ContextQuestion,
  Question,
  Questionnaire,
} from "../../../src/domain/content/schema";

type AnswerType = Question["answer"] | ContextQuestion["answer"];

export function validValue(answerType: AnswerType): fc.Arbitrary<number | string | boolean> {
  switch (answerType.type) {
    case "agreement":
      return fc.integer({ min: 1, max: 5 });
    case "yesNo":
      return fc.boolean();
    case "choice":
      return fc.constantFrom(...answerType.options.map((option) => option.value));
    case "number": {
      const { min, max } = answerType;
      if (answerType.integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      // Mix curve-relevant round numbers with arbitrary doubles so steps and ends get hit.
      return fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      );
    }
  }
}

/** Any acceptable answer to a question, or undefined for a blank. */
export function validAnswer(question: Question | ContextQuestion): fc.Arbitrary<Answer | undefined> {
  const options: fc.Arbitrary<Answer | undefined>[] = [
    validValue(question.answer).map((value): Answer => ({ kind: "value", value })),
    validValue(question.answer).map((value): Answer => ({ kind: "value", value })),
    fc.constant(undefined),
  ];
  if (question.allowDontKnow) options.push(fc.constant<Answer>({ kind: "dontKnow" }));
  if ("allowNotApplicable" in question && question.allowNotApplicable) {
    options.push(fc.constant<Answer>({ kind: "notApplicable", reason: "Not how we work" }));
  }
  return fc.oneof(...options);
}

function answersFor(questions: readonly (Question | ContextQuestion)[]): fc.Arbitrary<Answers> {
  return fc.tuple(...questions.map((question) => validAnswer(question))).map((answers) => {
    const record: Record<string, Answer> = {};
    questions.forEach((question, index) => {
      const answer = answers[index];
      if (answer !== undefined) record[question.id] = answer;
    });
    return record;
  });
}

export function validAnswers(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  return answersFor(questionnaire.sections.flatMap((section) => section.questions));
}

export function validContext(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  return answersFor(questionnaire.context);
}

/** The same entries with their keys in another insertion order. */
export function reorderKeys(answers: Answers, order: readonly number[]): Answers {
  const entries = Object.entries(answers);
  const keyed = entries.map((entry, index) => ({
    entry,
    rank: order[index % Math.max(order.length, 1)] ?? 0,
    index,
  }));
  keyed.sort((a, b) => a.rank - b.rank || b.index - a.index);
  return Object.fromEntries(keyed.map(({ entry }) => entry));
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContextQuestion, Question } from "../../../src/domain/content/schema";
import { AnswerValidationError, scoreAssessment, validateAnswer } from "../../../src/domain/scoring";
import { validContext, validValue } from "./arbitraries";
import { allQuestions, fixtureContent, fixtureContextQuestions, fixtureQuestionnaire } from "./fixtures";

/** Values of every type, valid for some questions and not for others, plus the usual edge cases. */
const anyValue = fc.oneof(
  fc.integer({ min: -5, max: 120 }),
  fc.double({ min: -10, max: 200 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 0.5, 2.99, 3, 5, 6, 100, 101),
  fc.boolean(),
  fc.constantFrom("none", "domain", "own", "some", "most", "95", "own-schedule", "", "yes"),
  fc.constant(null),
);

function maybeValidAnswer(question: Question | ContextQuestion): fc.Arbitrary<unknown> {
  return fc.oneof(
    validValue(question.answer).map((value) => ({ kind: "value", value })),
    anyValue.map((value) => ({ kind: "value", value })),
    fc.constant({ kind: "value" }),
    fc.constant({ kind: "dontKnow" }),
    fc.string({ maxLength: 8 }).map((reason) => ({ kind: "notApplicable", reason })),
    fc.constant({ kind: "notApplicable", reason: "Not how we work" }),
    fc.constant({ kind: "notApplicable" }),
    fc.constantFrom(null, 3, "value", {}, { kind: "maybe" }),
  );
}

function outcome(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AnswerValidationError)) throw error;
    expect(error.issues).toHaveLength(1);
    return error.issues[0]!.message;
  }
}

describe("scoring and validateAnswer agree on every answer", () => {
  it("for pitfall questions", () => {
    const pair = fc
      .constantFrom(...allQuestions)
      .chain((question) => fc.tuple(fc.constant(question), maybeValidAnswer(question)));
    fc.assert(
      fc.property(pair, ([question, answer]) => {
        const expected = validateAnswer(question, answer)?.message ?? null;
        expect(outcome(() => scoreAssessment(fixtureContent, { [question.id]: answer as never }, {}))).toBe(
          expected,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("for pitfall questions, whatever the team context (it may leave a question out or contradict “not applicable”, never refuse it)", () => {
    const pair = fc
      .constantFrom(...allQuestions)
      .chain((question) => fc.tuple(fc.constant(question), maybeValidAnswer(question)));
    fc.assert(
      fc.property(pair, validContext(fixtureQuestionnaire), ([question, answer], context) => {
        const expected = validateAnswer(question, answer)?.message ?? null;
        expect(
          outcome(() => scoreAssessment(fixtureContent, { [question.id]: answer as never }, context)),
        ).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("for team context questions", () => {
    const pair = fc
      .constantFrom(...fixtureContextQuestions)
      .chain((question) => fc.tuple(fc.constant(question), maybeValidAnswer(question)));
    fc.assert(
      fc.property(pair, ([question, answer]) => {
        const expected = validateAnswer(question, answer)?.message ?? null;
        expect(outcome(() => scoreAssessment(fixtureContent, {}, { [question.id]: answer as never }))).toBe(
          expected,
        );
      }),
      { numRuns: 1000 },
    );
  });
});

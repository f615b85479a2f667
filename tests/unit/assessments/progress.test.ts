import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assessmentProgress,
  firstSectionWithWorkLeft,
  progressSentence,
  questionProgressState,
  type ProgressAnswer,
} from "@/domain/assessments/progress";

const questions = [
  { id: "a", required: true },
  { id: "b", required: true },
  { id: "c", required: false },
  { id: "d", required: true },
  { id: "e", required: false },
];

describe("assessment progress", () => {
  it("puts each question in one state: answered, to confirm, missing (required) or open (optional)", () => {
    expect(questionProgressState({ id: "a", required: true }, { carriedOver: false })).toBe("answered");
    expect(questionProgressState({ id: "a", required: true }, { carriedOver: true })).toBe("toConfirm");
    expect(questionProgressState({ id: "a", required: true }, undefined)).toBe("missing");
    expect(questionProgressState({ id: "a", required: false }, null)).toBe("open");
  });

  it("counts a questionnaire started from last quarter as nothing answered and everything to confirm", () => {
    const carried = Object.fromEntries(questions.map((question) => [question.id, { carriedOver: true }]));
    const progress = assessmentProgress(questions, carried);
    expect(progress).toEqual({
      total: 5,
      answered: 0,
      toConfirm: 5,
      missingRequired: 0,
      openOptional: 0,
      complete: false,
    });
    expect(progressSentence(progress)).toBe("0 of 5 answered · 5 carried over, still to confirm");
  });

  it("is complete once nothing is to confirm and every required question has an answer", () => {
    const progress = assessmentProgress(questions, {
      a: { carriedOver: false },
      b: { carriedOver: false },
      d: { carriedOver: false },
    });
    expect(progress.complete).toBe(true);
    expect(progress.openOptional).toBe(2);
    expect(progressSentence(progress)).toBe("3 of 5 answered");
  });

  it("names required questions without an answer, in the singular and plural", () => {
    expect(
      progressSentence(
        assessmentProgress(questions, { a: { carriedOver: false }, b: { carriedOver: true } }),
      ),
    ).toBe("1 of 5 answered · 1 carried over, still to confirm · 1 required question without an answer");
    expect(progressSentence(assessmentProgress(questions, {}))).toBe(
      "0 of 5 answered · 3 required questions without an answer",
    );
  });

  it("ignores answers to questions that are not in the questionnaire", () => {
    const progress = assessmentProgress(questions, { zzz: { carriedOver: true }, a: { carriedOver: false } });
    expect(progress.toConfirm).toBe(0);
    expect(progress.answered).toBe(1);
  });

  it("always adds up to the total, and is complete exactly when nothing is to confirm or missing", () => {
    const question = fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), required: fc.boolean() });
    const answer = fc.option(fc.record({ carriedOver: fc.boolean() }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.uniqueArray(question, { selector: (q) => q.id, maxLength: 40 }),
        fc.array(answer, { maxLength: 40 }),
        (qs, given) => {
          const answers: Record<string, ProgressAnswer | undefined> = {};
          qs.forEach((q, index) => (answers[q.id] = given[index]));
          const progress = assessmentProgress(qs, answers);
          expect(
            progress.answered + progress.toConfirm + progress.missingRequired + progress.openOptional,
          ).toBe(qs.length);
          expect(progress.complete).toBe(progress.toConfirm === 0 && progress.missingRequired === 0);
          expect(progress.missingRequired).toBeLessThanOrEqual(qs.filter((q) => q.required).length);
        },
      ),
    );
  });
});

describe("where the questionnaire opens", () => {
  const sections = [
    { questions: [{ id: "context", required: true }] },
    {
      questions: [
        { id: "first", required: true },
        { id: "optional", required: false },
      ],
    },
    { questions: [{ id: "second", required: true }] },
  ];

  it("opens at the first section with an answer to confirm or a required one missing", () => {
    expect(firstSectionWithWorkLeft(sections, {})).toBe(0);
    expect(firstSectionWithWorkLeft(sections, { context: { carriedOver: false } })).toBe(1);
    // An optional question left blank is no work left; a carried-over answer to confirm is.
    expect(
      firstSectionWithWorkLeft(sections, { context: { carriedOver: false }, first: { carriedOver: false } }),
    ).toBe(2);
    expect(
      firstSectionWithWorkLeft(sections, { context: { carriedOver: false }, first: { carriedOver: true } }),
    ).toBe(1);
  });

  it("opens at the first section once nothing is left", () => {
    const done = {
      context: { carriedOver: false },
      first: { carriedOver: false },
      second: { carriedOver: false },
    };
    expect(firstSectionWithWorkLeft(sections, done)).toBe(0);
    expect(firstSectionWithWorkLeft([], {})).toBe(0);
  });
});

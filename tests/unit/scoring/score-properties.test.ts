import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers, Question, Questionnaire } from "../../../src/domain/content/schema";
import { answerRisk, bandForScore, type ScoringContent, scoreAssessment } from "../../../src/domain/scoring";
import { reorderKeys, validAnswers, validContext, validValue } from "./arbitraries";
import { allQuestions, fixtureContent, fixtureQuestionnaire } from "./fixtures";

/** The fixture with "don't know" and "not applicable" allowed everywhere. */
const permissiveQuestionnaire: Questionnaire = {
  ...fixtureQuestionnaire,
  id: "fixture-permissive",
  context: fixtureQuestionnaire.context.map((question) => ({ ...question, allowDontKnow: true })),
  sections: fixtureQuestionnaire.sections.map((section) => ({
    ...section,
    questions: section.questions.map((question) => ({
      ...question,
      allowDontKnow: true,
      allowNotApplicable: true,
    })),
  })),
};
const permissiveContent: ScoringContent = { ...fixtureContent, questionnaire: permissiveQuestionnaire };

const answers = validAnswers(fixtureQuestionnaire);
const context = validContext(fixtureQuestionnaire);

describe("scoring properties", () => {
  it("keeps every score in 0-100 with the matching band, and confidence in 0..1", () => {
    fc.assert(
      fc.property(answers, context, (a, c) => {
        for (const pitfall of scoreAssessment(fixtureContent, a, c).pitfalls) {
          expect(pitfall.confidence).toBeGreaterThanOrEqual(0);
          expect(pitfall.confidence).toBeLessThanOrEqual(1);
          if (pitfall.status === "scored") {
            expect(pitfall.score).toBeGreaterThanOrEqual(0);
            expect(pitfall.score).toBeLessThanOrEqual(100);
            expect(pitfall.band).toBe(bandForScore(pitfall.score!));
            const points = pitfall.contributions.reduce((sum, contribution) => sum + contribution.points, 0);
            expect(Math.abs(points - pitfall.score!)).toBeLessThanOrEqual(
              0.05 * (pitfall.contributions.length + 1) + 1e-9,
            );
          } else {
            expect(pitfall.score).toBeNull();
            expect(pitfall.band).toBeNull();
            expect(pitfall.confidence).toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never lowers a pitfall's score when one answer changes to a riskier one", () => {
    const change = fc
      .constantFrom(...allQuestions)
      .chain((question) =>
        fc.tuple(fc.constant(question), validValue(question.answer), validValue(question.answer)),
      );
    fc.assert(
      fc.property(answers, context, change, (a, c, [question, first, second]) => {
        const [safer, riskier] =
          answerRisk(question, first) <= answerRisk(question, second) ? [first, second] : [second, first];
        const pitfallId = sectionOf(question);
        const scoreWith = (answerValue: number | string | boolean) =>
          scoreAssessment(
            fixtureContent,
            { ...a, [question.id]: { kind: "value", value: answerValue } },
            c,
          ).pitfalls.find((pitfall) => pitfall.pitfallId === pitfallId)!.score!;
        expect(scoreWith(riskier)).toBeGreaterThanOrEqual(scoreWith(safer));
      }),
      { numRuns: 500 },
    );
  });

  it("does not depend on the order of answer keys", () => {
    fc.assert(
      fc.property(answers, context, fc.array(fc.nat(), { minLength: 1 }), (a, c, order) => {
        expect(scoreAssessment(fixtureContent, reorderKeys(a, order), reorderKeys(c, order))).toEqual(
          scoreAssessment(fixtureContent, a, c),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic, even with other assessments scored in between", () => {
    fc.assert(
      fc.property(answers, context, answers, context, (a, c, otherAnswers, otherContext) => {
        const first = scoreAssessment(fixtureContent, a, c);
        const snapshot = structuredClone(first);
        scoreAssessment(fixtureContent, otherAnswers, otherContext);
        expect(scoreAssessment(fixtureContent, a, c)).toEqual(snapshot);
        expect(first).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });

  it("gives confidence 0 and no score when every answer is \u201cdon't know\u201d", () => {
    fc.assert(
      fc.property(validContext(permissiveQuestionnaire), (c) => {
        const allDontKnow = everyQuestion(permissiveQuestionnaire, () => ({ kind: "dontKnow" }));
        for (const pitfall of scoreAssessment(permissiveContent, allDontKnow, c).pitfalls) {
          expect(pitfall.confidence).toBe(0);
          expect(pitfall.status).toBe("insufficient-evidence");
          expect(pitfall.score).toBeNull();
        }
      }),
      { numRuns: 50 },
    );
  });

  it("marks every pitfall not assessed, rather than scoring it, when everything is not applicable", () => {
    fc.assert(
      fc.property(
        validContext(permissiveQuestionnaire),
        fc.string({ minLength: 3, maxLength: 40 }).filter((s) => s.trim().length >= 3),
        (c, reason) => {
          const allNotApplicable = everyQuestion(permissiveQuestionnaire, () => ({
            kind: "notApplicable",
            reason,
          }));
          for (const pitfall of scoreAssessment(permissiveContent, allNotApplicable, c).pitfalls) {
            expect(pitfall.status).toBe("not-assessed");
            expect(pitfall.score).toBeNull();
            expect(pitfall.band).toBeNull();
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

function sectionOf(question: Question) {
  return fixtureQuestionnaire.sections.find((section) => section.questions.includes(question))!.pitfallId;
}

function everyQuestion(questionnaire: Questionnaire, answer: () => Answers[string]): Answers {
  return Object.fromEntries(
    questionnaire.sections.flatMap((section) => section.questions).map((question) => [question.id, answer()]),
  );
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  Answers,
  Condition,
  Countermeasure,
  Question,
  Questionnaire,
} from "../../../src/domain/content/schema";
import {
  answerRisk,
  bandForScore,
  DONT_KNOW_CEILING,
  DONT_KNOW_LOW_CONFIDENCE_CEILING,
  type PitfallScore,
  type ScoringContent,
  scoreAssessment,
} from "../../../src/domain/scoring";
import { reorderKeys, validAnswers, validContext, validValue } from "./arbitraries";
import { allQuestions, fixtureContent, fixturePitfalls, fixtureQuestionnaire } from "./fixtures";

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

/**
 * The score is the average raised to the floor, unless nothing risky is known: then the ceiling on
 * not knowing may stop it lower (the top of Medium below half of the evidence answered and no High
 * floor, otherwise the top of High), never below the floor.
 */
function expectFloorOrCeiling(pitfall: PitfallScore, raised: number, floor: number): void {
  if (pitfall.score === raised) return;
  expect(pitfall.score).toBeLessThan(raised);
  expect(pitfall.score).toBeGreaterThanOrEqual(floor);
  expect(pitfall.score).toBe(
    floor < 60 && pitfall.confidence < 0.5 ? DONT_KNOW_LOW_CONFIDENCE_CEILING : DONT_KNOW_CEILING,
  );
}

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
        const pitfallWith = (answerValue: number | string | boolean) =>
          scoreAssessment(
            fixtureContent,
            { ...a, [question.id]: { kind: "value", value: answerValue } },
            c,
          ).pitfalls.find((pitfall) => pitfall.pitfallId === pitfallId)!;
        const [whenSafer, whenRiskier] = [pitfallWith(safer), pitfallWith(riskier)];
        // A question the team context leaves out counts for nothing, so the pitfall may be unscored.
        expect(whenRiskier.status).toBe(whenSafer.status);
        if (whenSafer.status === "scored")
          expect(whenRiskier.score!).toBeGreaterThanOrEqual(whenSafer.score!);
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

  it("scores an all-\u201cdon't know\u201d assessment only on what not knowing shows and on fired rules", () => {
    fc.assert(
      fc.property(validContext(permissiveQuestionnaire), (c) => {
        const allDontKnow = everyQuestion(permissiveQuestionnaire, () => ({ kind: "dontKnow" }));
        for (const pitfall of scoreAssessment(permissiveContent, allDontKnow, c).pitfalls) {
          const questions = sectionQuestions(permissiveQuestionnaire, pitfall.pitfallId);
          const inContext = questions.filter((q) => !knownFalse(q.appliesWhen, c));
          const knowing = inContext.filter((q) => q.dontKnowRisk !== undefined);
          const fired = pitfall.contextRules.filter((r) => r.outcome === "fired");
          expect(pitfall.evidence).toMatchObject({
            answered: 0,
            dontKnow: inContext.length,
            dontKnowAsEvidence: knowing.length,
            outOfContext: questions.length - inContext.length,
          });
          for (const contribution of pitfall.contributions) {
            if (contribution.source === "question") {
              expect(contribution.answer).toBe("dontKnow");
              expect(contribution.risk).toBe(
                questions.find((q) => q.id === contribution.questionId)!.dontKnowRisk,
              );
            }
          }
          if (knowing.length === 0 && fired.length === 0) {
            expect(pitfall).toMatchObject({ status: "insufficient-evidence", score: null, confidence: 0 });
            continue;
          }
          expect(pitfall.status).toBe("scored");
          // 100 × Σ w·risk / Σ w over the "don't know" evidence and fired rules, at least the highest floor.
          const weighted =
            knowing.reduce((sum, q) => sum + q.weight * q.dontKnowRisk!, 0) + sum(fired.map((r) => r.weight));
          const weight =
            sum(knowing.map((q) => q.weight)) +
            sum(fired.map((r) => r.weight)) +
            sum(pitfall.contextRules.filter((r) => r.outcome === "not-holding").map((r) => r.weight));
          const average = weight > 0 ? round1((100 * weighted) / weight) : 0;
          const floor = Math.max(0, ...fired.map((r) => (r.floor === null ? 0 : FLOOR_SCORE[r.floor])));
          expect(pitfall.averageScore).toBe(average);
          expectFloorOrCeiling(pitfall, Math.max(average, floor), floor);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("marks a pitfall not assessed when everything is not applicable, unless the context contradicts it or a rule fires", () => {
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
            const questions = sectionQuestions(permissiveQuestionnaire, pitfall.pitfallId);
            // A contradiction needs the question in context and its applicableWhen known to hold.
            const contradicted = questions.filter(
              (q) =>
                !knownFalse(q.appliesWhen, c) && q.applicableWhen !== undefined && holds(q.applicableWhen, c),
            );
            expect(pitfall.contradictions).toEqual(contradicted.map((q) => q.id));
            const fired = pitfall.contextRules.some((r) => r.outcome === "fired");
            const evidence = contradicted.some((q) => q.dontKnowRisk !== undefined);
            if (fired || evidence) {
              expect(pitfall.status).toBe("scored");
            } else {
              expect(pitfall.status).toBe(contradicted.length > 0 ? "insufficient-evidence" : "not-assessed");
              expect(pitfall.score).toBeNull();
              expect(pitfall.band).toBeNull();
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never lets a countermeasure remove more than its pitfall's score, nor a pitfall's all together", () => {
    fc.assert(
      fc.property(answers, context, (a, c) => {
        const result = scoreAssessment(fixtureContent, a, c);
        for (const pitfall of result.pitfalls) {
          const removed = pitfall.countermeasures.map((countermeasure) => countermeasure.riskRemoved);
          if (pitfall.status !== "scored" || pitfall.band === "none") {
            expect(removed.every((r) => r === 0)).toBe(true);
            expect(pitfall.triggeredSymptoms).toEqual([]);
            expect(pitfall.triggeredCauses).toEqual([]);
            continue;
          }
          for (const r of removed) expect(r).toBeLessThanOrEqual(pitfall.score!);
          // Each share is rounded to one decimal on its own, so their sum may pass the score by
          // at most 0.05 per countermeasure (e.g. 9.2 + 9.2 + 1.7 against a score of 20).
          expect(sum(removed)).toBeLessThanOrEqual(pitfall.score! + 0.05 * removed.length + 1e-9);
        }
        for (const countermeasure of result.countermeasures) {
          expect(countermeasure.totalRiskRemoved).toBeCloseTo(
            sum(countermeasure.pitfalls.map((p) => p.riskRemoved)),
            6,
          );
          expect(countermeasure.totalRiskRemoved).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("holds a pitfall with a high-risk finding at its floor, the lift going to the findings at that floor", () => {
    fc.assert(
      fc.property(answers, context, (a, c) => {
        for (const pitfall of scoreAssessment(fixtureContent, a, c).pitfalls) {
          const firedWithFloor = pitfall.contextRules.filter(
            (r) => r.outcome === "fired" && r.floor !== null,
          );
          expect(pitfall.findings.map((f) => f.ruleId).sort()).toEqual(
            firedWithFloor.map((r) => r.ruleId).sort(),
          );
          if (pitfall.status !== "scored") continue;
          const floor = Math.max(0, ...firedWithFloor.map((r) => FLOOR_SCORE[r.floor!]));
          expectFloorOrCeiling(pitfall, Math.max(pitfall.averageScore!, floor), floor);
          if (pitfall.score! > pitfall.averageScore!) {
            // The findings at the floor hold at least the lift between them.
            const atFloor = pitfall.contributions.filter(
              (contribution) =>
                contribution.source === "context-rule" &&
                contribution.floor !== null &&
                FLOOR_SCORE[contribution.floor] === floor,
            );
            expect(atFloor.length).toBeGreaterThan(0);
            expect(sum(atFloor.map((f) => f.points))).toBeGreaterThanOrEqual(
              pitfall.score! - pitfall.averageScore! - 0.05 * (atFloor.length + 1),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("ranks the same whatever the order of the countermeasures in the content", () => {
    const shuffledContent = fc
      .tuple(
        fc.shuffledSubarray(fixtureContent.countermeasures as Countermeasure[], {
          minLength: fixtureContent.countermeasures.length,
        }),
        fc.tuple(
          ...fixturePitfalls.map((pitfall) =>
            fc.shuffledSubarray(pitfall.countermeasures, { minLength: pitfall.countermeasures.length }),
          ),
        ),
      )
      .map(([countermeasures, links]): ScoringContent => ({
        questionnaire: fixtureQuestionnaire,
        countermeasures,
        pitfalls: fixturePitfalls.map((pitfall, index) => ({ ...pitfall, countermeasures: links[index]! })),
      }));
    fc.assert(
      fc.property(answers, context, shuffledContent, (a, c, shuffled) => {
        expect(scoreAssessment(shuffled, a, c)).toEqual(scoreAssessment(fixtureContent, a, c));
      }),
      { numRuns: 150 },
    );
  });

  it("changes nothing through a rule whose precondition is known not to hold", () => {
    const withoutRule: ScoringContent = {
      ...fixtureContent,
      questionnaire: {
        ...fixtureQuestionnaire,
        contextRules: fixtureQuestionnaire.contextRules.filter((rule) => rule.id !== "out-of-hours-on-95"),
      },
    };
    const otherTarget = context.map((c) => ({
      ...c,
      "availability-target": { kind: "value" as const, value: "99-9" },
    }));
    fc.assert(
      fc.property(answers, otherTarget, (a, c) => {
        const withRule = scoreAssessment(fixtureContent, a, c);
        const without = scoreAssessment(withoutRule, a, c);
        const lrc = withRule.pitfalls[0]!;
        expect(lrc.contextRules.map((r) => r.outcome)).toEqual(["not-applicable"]);
        expect({ ...withRule, pitfalls: withRule.pitfalls.map((p) => ({ ...p, contextRules: [] })) }).toEqual(
          {
            ...without,
            pitfalls: without.pitfalls.map((p) => ({ ...p, contextRules: [] })),
          },
        );
      }),
      { numRuns: 150 },
    );
  });
});

const FLOOR_SCORE = { medium: 30, high: 60, critical: 80 } as const;

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function sectionQuestions(questionnaire: Questionnaire, pitfallId: string): readonly Question[] {
  return questionnaire.sections.find((section) => section.pitfallId === pitfallId)!.questions;
}

/** Team-context conditions of the fixture ("in" on choices) read the plain way: every one holds. */
function holds(conditions: readonly Condition[], c: Answers): boolean {
  return conditions.every((condition) => conditionOutcome(condition, c) === true);
}

/** Whether some condition is known to be false (a value that does not match). */
function knownFalse(conditions: readonly Condition[] | undefined, c: Answers): boolean {
  return (conditions ?? []).some((condition) => conditionOutcome(condition, c) === false);
}

/** true / false on a value; undefined when the field is blank or "don't know". */
function conditionOutcome(condition: Condition, c: Answers): boolean | undefined {
  const answer = c[condition.field];
  if (condition.op === "dontKnow") return answer === undefined ? undefined : answer.kind === "dontKnow";
  if (answer?.kind !== "value") return undefined;
  const v = answer.value;
  if (condition.op === "in") return condition.values.includes(v as string | boolean);
  if (condition.op === "lt") return (v as number) < condition.value;
  return (v as number) > condition.value;
}

function sectionOf(question: Question) {
  return fixtureQuestionnaire.sections.find((section) => section.questions.includes(question))!.pitfallId;
}

function everyQuestion(questionnaire: Questionnaire, answer: () => Answers[string]): Answers {
  return Object.fromEntries(
    questionnaire.sections.flatMap((section) => section.questions).map((question) => [question.id, answer()]),
  );
}

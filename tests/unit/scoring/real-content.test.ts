/**
 * Scores the real questionnaire v1, so content edits that would break scoring (or make its
 * extremes score oddly) fail here rather than on a team's dashboard.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { content } from "../../../src/domain/content";
import type { Answers, Question } from "../../../src/domain/content/schema";
import {
  answerRisk,
  compileQuestionnaire,
  DEFAULT_ON_CALL_SETUP,
  isHighOrCritical,
  type ScoringContent,
  scoreAssessment,
} from "../../../src/domain/scoring";
import { validAnswers, validContext, validValue } from "./arbitraries";
import { answerEvery, healthiestValue, riskiestValue, value } from "./fixtures";

const questionnaire = content.questionnaires.find((candidate) => candidate.id === "v1")!;
const v1: ScoringContent = {
  questionnaire,
  pitfalls: content.pitfalls,
  countermeasures: content.countermeasures,
};
const questions = questionnaire.sections.flatMap((section) => section.questions);

/** A 99.9% service with its own well-staffed rota: no context rule of v1 holds. */
const healthyContext: Answers = {
  "financial-exposure-band": value("high"),
  "availability-target": value("99-9"),
  "out-of-hours-on-call-setup": value("own-team-schedule"),
  "team-size": value(8),
  "on-call-rota-size": value(6),
};

/** A low-exposure service run to 99.99% without a documented need, by a rota of two. */
const riskyContext: Answers = {
  "financial-exposure-band": value("low"),
  "availability-target": value("99-99"),
  "documented-need-for-top-target": value(false),
  "out-of-hours-on-call-setup": value("own-team-schedule"),
  "team-size": value(4),
  "on-call-rota-size": value(2),
};

describe("questionnaire v1", () => {
  it("compiles every questionnaire version in the content", () => {
    for (const version of content.questionnaires) {
      expect(() => compileQuestionnaire({ ...v1, questionnaire: version })).not.toThrow();
    }
  });

  it("scores the healthiest answers low or none on every pitfall", () => {
    const result = scoreAssessment(
      v1,
      answerEvery(questions, (q) => value(healthiestValue(q))),
      healthyContext,
    );
    expect(result.pitfalls).toHaveLength(7);
    for (const pitfall of result.pitfalls) {
      expect(pitfall.status).toBe("scored");
      expect(["none", "low"]).toContain(pitfall.band);
    }
  });

  it("scores the riskiest answers high or critical on every pitfall", () => {
    const result = scoreAssessment(
      v1,
      answerEvery(questions, (q) => value(riskiestValue(q))),
      riskyContext,
    );
    for (const pitfall of result.pitfalls) {
      expect(pitfall.status).toBe("scored");
      expect(isHighOrCritical(pitfall.band)).toBe(true);
      expect(pitfall.triggeredSymptoms.length).toBeGreaterThan(0);
      expect(pitfall.countermeasures[0]!.riskRemoved).toBeGreaterThan(0);
    }
    // Re-architecting for adaptability serves Excessive BAU and Limited on-call schedule at once.
    const shared = result.countermeasures.find((c) => c.countermeasureId === "re-architect-for-adaptability");
    expect(shared?.pitfalls.map((p) => p.pitfallId).sort()).toEqual([
      "excessive-bau",
      "limited-on-call-schedule",
    ]);
    expect(result.countermeasures[0]).toBe(shared);
  });

  it("names the on-call setup question and values that scoreOrganisation reads by default", () => {
    const setup = questionnaire.context.find((q) => q.id === DEFAULT_ON_CALL_SETUP.contextQuestionId);
    expect(setup?.answer.type).toBe("choice");
    const options = setup?.answer.type === "choice" ? setup.answer.options.map((option) => option.value) : [];
    for (const wanted of [
      ...DEFAULT_ON_CALL_SETUP.ownScheduleValues,
      ...DEFAULT_ON_CALL_SETUP.domainScheduleValues,
    ]) {
      expect(options).toContain(wanted);
    }
  });

  it("scores any valid assessment within 0-100", () => {
    fc.assert(
      fc.property(validAnswers(questionnaire), validContext(questionnaire), (answers, context) => {
        for (const pitfall of scoreAssessment(v1, answers, context).pitfalls) {
          if (pitfall.score !== null) {
            expect(pitfall.score).toBeGreaterThanOrEqual(0);
            expect(pitfall.score).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never lowers a pitfall's score when one answer changes to a riskier one", () => {
    const change = fc
      .constantFrom(...questions)
      .chain((question) =>
        fc.tuple(fc.constant(question), validValue(question.answer), validValue(question.answer)),
      );
    fc.assert(
      fc.property(
        validAnswers(questionnaire),
        validContext(questionnaire),
        change,
        (answers, context, [question, a, b]) => {
          const [safer, riskier] = answerRisk(question, a) <= answerRisk(question, b) ? [a, b] : [b, a];
          const scoreWith = (answerValue: number | string | boolean) =>
            scoreAssessment(v1, { ...answers, [question.id]: value(answerValue) }, context).pitfalls.find(
              (pitfall) => pitfall.pitfallId === pitfallOf(question),
            )!.score!;
          expect(scoreWith(riskier)).toBeGreaterThanOrEqual(scoreWith(safer));
        },
      ),
      { numRuns: 300 },
    );
  });
});

function pitfallOf(question: Question) {
  return questionnaire.sections.find((section) => section.questions.includes(question))!.pitfallId;
}

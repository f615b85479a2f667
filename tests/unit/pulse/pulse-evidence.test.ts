/**
 * The anonymous pulse as evidence: what may be shown (k-anonymity), and how shown counts change a
 * pitfall's score, on the real content.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { content, latestQuestionnaire } from "../../../src/domain/content";
import type { Answers, PulseQuestion } from "../../../src/domain/content/schema";
import {
  aggregatePulse,
  effectiveMinimum,
  MIN_PULSE_ANSWERS,
  pulseQuestionOf,
  withPulseEvidence,
  type PulseTally,
} from "../../../src/domain/pulse/pulse-evidence";
import { compileQuestionnaire, scoreAssessment } from "../../../src/domain/scoring";
import { answerEvery, healthiestValue, value } from "../scoring/fixtures";
import { pitfallOf } from "../scoring/helpers";

const questionnaire = latestQuestionnaire();
const pulse = questionnaire.pulse!;
const strain = pulse.find((question) => question.id === "pulse-on-call-strain")!;
const pay = pulse.find((question) => question.id === "pulse-on-call-pay")!;

/** Tallies for `question` from the options people chose, one entry per person. */
function tallies(question: PulseQuestion, chosen: string[]): PulseTally[] {
  return question.options.map((option) => ({
    questionId: question.id,
    option: option.value,
    count: chosen.filter((value) => value === option.value).length,
  }));
}

describe("effectiveMinimum", () => {
  it("never lets the threshold fall below four: three answers besides the reader's own", () => {
    expect(MIN_PULSE_ANSWERS).toBe(4);
    for (const configured of [-4, 0, 1, 2, 2.5, 3, 3.5, Number.NaN])
      expect(effectiveMinimum(configured)).toBe(4);
  });

  it("keeps a higher threshold, rounded up to a whole person", () => {
    expect(effectiveMinimum(4)).toBe(4);
    expect(effectiveMinimum(5)).toBe(5);
    expect(effectiveMinimum(4.2)).toBe(5);
  });
});

describe("aggregatePulse", () => {
  it("gives nothing but 'not shown' for a question fewer than four people answered", () => {
    // Someone who answered and sees "2 · 1" of three answers knows both others' when theirs is the 1.
    const three = tallies(strain, ["close-to-burnout", "not-at-all", "not-at-all"]);
    const [aggregate] = aggregatePulse([strain], three, 4);
    expect(aggregate).toEqual({ questionId: strain.id, pitfallId: strain.pitfallId, shown: false });
  });

  it("shows the counts per option and the average risk once four people answered", () => {
    const [aggregate] = aggregatePulse(
      [strain],
      tallies(strain, ["close-to-burnout", "often-exhausted", "not-at-all", "not-at-all"]),
      4,
    );
    expect(aggregate).toEqual({
      questionId: strain.id,
      pitfallId: "limited-on-call-schedule",
      shown: true,
      respondents: 4,
      counts: [
        { option: "not-at-all", label: "Not at all", count: 2 },
        { option: "sometimes-stretched", label: "Sometimes stretched, but I recover", count: 0 },
        { option: "often-exhausted", label: "Often exhausted", count: 1 },
        { option: "close-to-burnout", label: "Close to burning out", count: 1 },
      ],
      // (1 + 0.8 + 0 + 0) / 4
      averageRisk: 0.45,
    });
  });

  it("raises a configured threshold below four to four", () => {
    const three = tallies(strain, ["close-to-burnout", "often-exhausted", "not-at-all"]);
    expect(aggregatePulse([strain], three, 3)[0]!.shown).toBe(false);
    expect(aggregatePulse([strain], three, 1)[0]!.shown).toBe(false);
  });

  it("applies a higher configured threshold", () => {
    const four = tallies(strain, ["not-at-all", "not-at-all", "often-exhausted", "close-to-burnout"]);
    expect(aggregatePulse([strain], four, 5)[0]!.shown).toBe(false);
    expect(aggregatePulse([strain], four, 4)[0]!.shown).toBe(true);
  });

  it("judges each question on its own answers", () => {
    const aggregates = aggregatePulse(
      [strain, pay],
      [
        ...tallies(strain, ["not-at-all", "not-at-all", "not-at-all", "not-at-all"]),
        ...tallies(pay, ["fairly", "not-fairly", "fairly"]),
      ],
      4,
    );
    expect(aggregates.map((aggregate) => [aggregate.questionId, aggregate.shown])).toEqual([
      [strain.id, true],
      [pay.id, false],
    ]);
  });

  it("ignores counts of options the question does not have, so they never lift a question over the threshold", () => {
    const [aggregate] = aggregatePulse(
      [strain],
      [
        ...tallies(strain, ["not-at-all", "not-at-all", "not-at-all"]),
        { questionId: strain.id, option: "removed", count: 5 },
      ],
      4,
    );
    expect(aggregate!.shown).toBe(false);
  });

  it("never carries a figure for a question below the threshold, whatever the tallies and threshold (property)", () => {
    const tally = fc.record({
      questionId: fc.constantFrom(...pulse.map((question) => question.id), "unknown-question"),
      option: fc.constantFrom(
        ...pulse.flatMap((question) => question.options.map((option) => option.value)),
        "x",
      ),
      count: fc.integer({ min: -2, max: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(tally, { maxLength: 40 }),
        fc.integer({ min: -5, max: 12 }),
        (rows, configured) => {
          const threshold = Math.max(4, configured);
          for (const aggregate of aggregatePulse(pulse, rows, configured)) {
            if (!aggregate.shown) {
              expect(Object.keys(aggregate).sort()).toEqual(["pitfallId", "questionId", "shown"]);
              continue;
            }
            expect(aggregate.respondents).toBeGreaterThanOrEqual(threshold);
            expect(aggregate.counts.reduce((sum, option) => sum + option.count, 0)).toBe(
              aggregate.respondents,
            );
            expect(aggregate.averageRisk).toBeGreaterThanOrEqual(0);
            expect(aggregate.averageRisk).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe("scoring with pulse evidence", () => {
  const healthyContext: Answers = {
    "financial-exposure-band": value("high"),
    "availability-target": value("99-9"),
    "out-of-hours-on-call-setup": value("own-team-schedule"),
    "team-size": value(8),
    "on-call-rota-size": value(6),
  };
  const healthyAnswers = answerEvery(
    questionnaire.sections.flatMap((section) => section.questions),
    (question) => value(healthiestValue(question)),
  );

  function scoreWith(rows: PulseTally[]) {
    const scoring = withPulseEvidence(questionnaire, healthyAnswers, aggregatePulse(pulse, rows, 4));
    const compiled = compileQuestionnaire({
      questionnaire: scoring.questionnaire,
      pitfalls: content.pitfalls,
      countermeasures: content.countermeasures,
    });
    return { scoring, score: scoreAssessment(compiled, scoring.answers, healthyContext) };
  }

  const burntOut = ["close-to-burnout", "close-to-burnout", "often-exhausted", "often-exhausted"];

  it("scores a team whose rota reports burnout higher on its on-call pitfall, naming the pulse question", () => {
    const without = pitfallOf(scoreWith([]).score, "limited-on-call-schedule");
    const { score, scoring } = scoreWith(tallies(strain, burntOut));
    const withPulse = pitfallOf(score, "limited-on-call-schedule");

    expect(withPulse.score!).toBeGreaterThan(without.score!);
    const contribution = withPulse.contributions.find(
      (candidate) => candidate.source === "question" && candidate.questionId === strain.id,
    );
    expect(contribution).toMatchObject({ source: "question", weight: strain.weight, value: 90 });
    expect(contribution!.points).toBeGreaterThan(0);
    expect(pulseQuestionOf(scoring.questionnaire, strain.id)?.evidenceLabel).toBe(
      "How close to burnout the people on the rota feel",
    );
    // Only the pulse question's own pitfall moves.
    for (const pitfall of score.pitfalls) {
      if (pitfall.pitfallId === "limited-on-call-schedule") continue;
      expect(pitfall.score).toBe(pitfallOf(scoreWith([]).score, pitfall.pitfallId).score);
    }
  });

  it("holds the on-call pitfall at Medium at least when the rota says it is often exhausted or close to burnout", () => {
    // A healthy rota (six people, paid, prepared) whose people say on-call wears them out: the
    // pitfall's burnout symptom, first-hand. The average alone would leave it Low.
    const { score } = scoreWith(tallies(strain, burntOut));
    const onCall = pitfallOf(score, "limited-on-call-schedule");
    expect(onCall.averageScore!).toBeLessThan(30);
    expect(onCall.band).toBe("medium");
    expect(onCall.findings.map((finding) => finding.ruleId)).toEqual(["pulse-on-call-strain-floor"]);
    expect(onCall.triggeredSymptoms.map((symptom) => symptom.symptomId)).toContain("on-call-burnout-risk");
    // The pulse names no cause: it never blames time on call by itself.
    expect(onCall.triggeredCauses).toEqual([]);
  });

  it("sets no floor below an average of 'often exhausted'", () => {
    // Average risk (0.8 + 0.4 + 0.4 + 0.4) / 4 = 0.5: stretched, not worn out.
    const { score } = scoreWith(
      tallies(strain, ["often-exhausted", "sometimes-stretched", "sometimes-stretched", "sometimes-stretched"]),
    );
    const onCall = pitfallOf(score, "limited-on-call-schedule");
    expect(onCall.findings).toEqual([]);
    expect(["none", "low"]).toContain(onCall.band);
  });

  it("scores fewer than four answers exactly like no pulse at all", () => {
    const threeBurntOut = scoreWith(tallies(strain, burntOut.slice(0, 3)));
    const none = scoreWith([]);
    expect(threeBurntOut.scoring.questionnaire).toBe(questionnaire);
    expect(threeBurntOut.scoring.answers).toBe(healthyAnswers);
    expect(threeBurntOut.score).toEqual(none.score);
  });
});

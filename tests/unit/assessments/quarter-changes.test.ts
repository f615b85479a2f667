import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Answer } from "@/domain/content/schema";
import {
  answerChanges,
  holdBackIncompletePitfalls,
  movementWords,
  pitfallMovements,
  sameAnswer,
  type PitfallStanding,
} from "@/domain/assessments/quarter-changes";
import { bandForScore } from "@/domain/scoring/bands";

const questions = [
  { id: "size", prompt: "How many people?", sectionTitle: "Team context" },
  { id: "rota", prompt: "Do you run a rota?", sectionTitle: "On call" },
  { id: "budget", prompt: "Budget holder in reviews?", sectionTitle: "Run costs" },
  { id: "notes", prompt: "Any notes?", sectionTitle: "Run costs" },
];

const describe_ = (_questionId: string, answer: Answer) =>
  answer.kind === "value"
    ? String(answer.value)
    : answer.kind === "dontKnow"
      ? "Don't know"
      : `N/A: ${answer.reason}`;

describe("answers that changed since last quarter", () => {
  it("lists changed, added and removed answers with old and new words, in questionnaire order", () => {
    const changes = answerChanges(
      questions,
      {
        size: { kind: "value", value: 8 },
        rota: { kind: "value", value: true },
        notes: { kind: "dontKnow" },
      },
      {
        size: { kind: "value", value: 12 },
        rota: { kind: "value", value: true },
        budget: { kind: "dontKnow" },
      },
      describe_,
    );
    expect(changes).toEqual([
      {
        questionId: "size",
        prompt: "How many people?",
        sectionTitle: "Team context",
        before: "8",
        after: "12",
      },
      {
        questionId: "budget",
        prompt: "Budget holder in reviews?",
        sectionTitle: "Run costs",
        before: null,
        after: "Don't know",
      },
      {
        questionId: "notes",
        prompt: "Any notes?",
        sectionTitle: "Run costs",
        before: "Don't know",
        after: null,
      },
    ]);
  });

  it("treats a different not-applicable reason as a change, and surrounding spaces as none", () => {
    expect(
      sameAnswer(
        { kind: "notApplicable", reason: "no budget" },
        { kind: "notApplicable", reason: " no budget " },
      ),
    ).toBe(true);
    expect(
      sameAnswer({ kind: "notApplicable", reason: "no budget" }, { kind: "notApplicable", reason: "shared" }),
    ).toBe(false);
    expect(sameAnswer({ kind: "value", value: 1 }, { kind: "value", value: "1" })).toBe(false);
    expect(sameAnswer(null, undefined)).toBe(true);
  });

  it("finds no change when nothing changed, and one per question that did", () => {
    const answer = fc.oneof(
      fc.record({
        kind: fc.constant("value" as const),
        value: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.boolean()),
      }),
      fc.constant({ kind: "dontKnow" as const }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        fc.array(answer, { minLength: 4, maxLength: 4 }),
        fc.array(answer, { minLength: 4, maxLength: 4 }),
        (a, b) => {
          const previous = Object.fromEntries(questions.map((q, i) => [q.id, a[i]]));
          const current = Object.fromEntries(questions.map((q, i) => [q.id, b[i]]));
          expect(answerChanges(questions, previous, previous, describe_)).toEqual([]);
          const changes = answerChanges(questions, previous, current, describe_);
          const expected = questions.filter((q, i) => !sameAnswer(a[i], b[i])).map((q) => q.id);
          expect(changes.map((change) => change.questionId)).toEqual(expected);
        },
      ),
    );
  });
});

describe("how each pitfall moved", () => {
  const ids = ["bau", "oncall", "costs", "specialists"];

  it("reads up, down, same, newly scored and no longer scored", () => {
    const movements = pitfallMovements(
      ids,
      [
        { pitfallId: "bau", score: 62, band: "high" },
        { pitfallId: "oncall", score: 41.04, band: "medium" },
        { pitfallId: "costs", score: null, band: null },
        { pitfallId: "specialists", score: 20, band: "low" },
      ],
      [
        { pitfallId: "bau", score: 41, band: "medium" },
        { pitfallId: "oncall", score: 40.96, band: "medium" },
        { pitfallId: "costs", score: 12, band: "low" },
        { pitfallId: "specialists", score: null, band: null },
      ],
    );
    expect(
      movements.map((movement) => [
        movement.pitfallId,
        movement.direction,
        movement.delta,
        movement.bandChanged,
      ]),
    ).toEqual([
      ["bau", "down", -21, true],
      ["oncall", "same", 0, false],
      ["costs", "newly-scored", null, true],
      ["specialists", "no-longer-scored", null, true],
    ]);
    expect(movementWords(movements[0]!)).toBe("risk down 21.0 points");
    expect(movementWords(movements[1]!)).toBe("no change");
  });

  it("keeps the order asked for and marks pitfalls missing on both sides as unscored", () => {
    const movements = pitfallMovements(["a", "b"], [], [{ pitfallId: "b", score: 70, band: "high" }]);
    expect(movements.map((movement) => movement.direction)).toEqual(["unscored", "newly-scored"]);
  });

  it("moves in the direction of the score difference, and the band changes only when the bands differ", () => {
    const standing = (pitfallId: string) =>
      fc
        .option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null })
        .map((score): PitfallStanding => ({
          pitfallId,
          score,
          band: score === null ? null : bandForScore(score),
        }));
    fc.assert(
      fc.property(standing("p"), standing("p"), (was, now) => {
        const [movement] = pitfallMovements(["p"], [was], [now]);
        if (was.score !== null && now.score !== null) {
          const delta = Math.round(now.score * 10) / 10 - Math.round(was.score * 10) / 10;
          expect(movement!.direction).toBe(delta > 0.04 ? "up" : delta < -0.04 ? "down" : "same");
          expect(movement!.bandChanged).toBe(was.band !== now.band);
        } else {
          expect(movement!.delta).toBeNull();
        }
      }),
    );
  });
});

describe("holding back a draft's figures where required answers are missing", () => {
  const previous: PitfallStanding[] = [
    { pitfallId: "rbu", score: 43.2, band: "medium" },
    { pitfallId: "loc", score: 6.2, band: "low" },
  ];
  const current: PitfallStanding[] = [
    { pitfallId: "rbu", score: 25, band: "low" },
    { pitfallId: "loc", score: 0, band: "low" },
  ];

  it("shows no figure for a pitfall with unanswered required questions, and says how many", () => {
    const [rbu, loc] = holdBackIncompletePitfalls(
      pitfallMovements(["rbu", "loc"], previous, current),
      new Map([["rbu", 3]]),
    );
    expect(rbu).toEqual({
      pitfallId: "rbu",
      before: { score: 43.2, band: "medium" },
      after: null,
      delta: null,
      direction: "awaiting-answers",
      bandChanged: false,
      missingRequired: 3,
    });
    expect(movementWords(rbu!)).toBe("waiting for 3 required answers");
    expect(loc).toMatchObject({ direction: "down", delta: -6.2, missingRequired: 0 });
  });

  it("leaves every figure alone when nothing required is missing", () => {
    const movements = pitfallMovements(["rbu", "loc"], previous, current);
    expect(holdBackIncompletePitfalls(movements, new Map([["rbu", 0]]))).toEqual(movements);
    expect(movementWords({ ...movements[0]!, direction: "awaiting-answers", missingRequired: 1 })).toBe(
      "waiting for 1 required answer",
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  closedLoopOutcome,
  compareClosedLoop,
  directionOf,
  scoreDifference,
} from "@/domain/plans/closed-loop";

const base = {
  pitfallName: "Excessive BAU",
  scoreWhenAdded: 62,
  addedInCycle: "2026 Q2",
  latestScore: 41,
  latestCycle: "2026 Q3",
  methodWhenAdded: 2,
  latestMethod: 2,
  latestRelation: "later" as const,
};

describe("closed loop", () => {
  it("reads a fall in risk as down, with the difference in words", () => {
    const loop = compareClosedLoop(base);
    expect(loop).toMatchObject({ kind: "compared", difference: -21, direction: "down" });
    expect(loop.text).toBe("Excessive BAU: 62.0 → 41.0 (down 21.0) since 2026 Q2");
    expect(closedLoopOutcome(loop)).toBe("improved");
  });

  it("reads a rise as up and a worse outcome", () => {
    const loop = compareClosedLoop({ ...base, scoreWhenAdded: 35.5, latestScore: 48 });
    expect(loop.text).toBe("Excessive BAU: 35.5 → 48.0 (up 12.5) since 2026 Q2");
    expect(closedLoopOutcome(loop)).toBe("worsened");
  });

  it("says unchanged when the score did not move", () => {
    const loop = compareClosedLoop({ ...base, latestScore: 62 });
    expect(loop.text).toBe("Excessive BAU: 62.0 → 62.0 (unchanged) since 2026 Q2");
    expect(closedLoopOutcome(loop)).toBe("unchanged");
  });

  it("keeps one decimal and no floating-point noise", () => {
    expect(scoreDifference(62.3, 41.1)).toBe(-21.2);
    expect(scoreDifference(0.3, 0.1)).toBe(-0.2);
    expect(scoreDifference(10.1, 10.1)).toBe(0);
    expect(directionOf(-0.1)).toBe("down");
    expect(directionOf(0)).toBe("unchanged");
    expect(compareClosedLoop({ ...base, scoreWhenAdded: 62.3, latestScore: 41.1 }).text).toBe(
      "Excessive BAU: 62.3 → 41.1 (down 21.2) since 2026 Q2",
    );
  });

  it("waits for a later cycle while the latest results are the ones the item came from", () => {
    const loop = compareClosedLoop({
      ...base,
      latestScore: 62,
      latestCycle: "2026 Q2",
      latestRelation: "same",
    });
    expect(loop.kind).toBe("not-compared");
    expect(loop.text).toBe("Excessive BAU: 62.0 when added in 2026 Q2; no later result yet");
    expect(closedLoopOutcome(loop)).toBe("awaiting");
  });

  it("does not compare backwards when an export is for a cycle before the item was added", () => {
    const loop = compareClosedLoop({
      ...base,
      latestScore: 70,
      latestCycle: "2026 Q1",
      latestRelation: "earlier",
    });
    expect(loop.kind).toBe("not-compared");
    expect(loop.text).toBe("Excessive BAU: 62.0 when added in 2026 Q2, after 2026 Q1");
  });

  it("does not compare when either score is missing", () => {
    expect(compareClosedLoop({ ...base, scoreWhenAdded: null }).text).toBe(
      "Excessive BAU: not scored when the item was added in 2026 Q2",
    );
    expect(compareClosedLoop({ ...base, latestScore: null }).text).toBe(
      "Excessive BAU: 62.0 when added in 2026 Q2; not scored in 2026 Q3",
    );
    expect(compareClosedLoop({ ...base, latestCycle: null, latestScore: null }).kind).toBe("not-compared");
  });

  describe("across a scoring method change", () => {
    it("labels the pair instead of presenting a difference", () => {
      const loop = compareClosedLoop({ ...base, methodWhenAdded: 1, latestMethod: 2 });
      expect(loop).toMatchObject({ kind: "method-change", scoreWhenAdded: 62, latestScore: 41 });
      expect(loop).not.toHaveProperty("difference");
      expect(loop.text).toBe(
        "Excessive BAU: 62.0 when added in 2026 Q2 (scoring method 1), 41.0 in 2026 Q3 (scoring method 2); not compared across a scoring method change",
      );
      expect(closedLoopOutcome(loop)).toBe("method-changed");
    });

    it("does not compare when the method of the score when added was never recorded", () => {
      const loop = compareClosedLoop({ ...base, methodWhenAdded: null, latestMethod: 2 });
      expect(loop.kind).toBe("method-change");
      expect(loop.text).toContain("(scoring method not recorded)");
    });

    it("compares as before once both scores come from the same method", () => {
      expect(compareClosedLoop({ ...base, methodWhenAdded: 1, latestMethod: 1 }).kind).toBe("compared");
    });

    it("still waits for a later result rather than reporting a method change", () => {
      const loop = compareClosedLoop({
        ...base,
        methodWhenAdded: 1,
        latestMethod: 2,
        latestRelation: "same",
      });
      expect(loop.kind).toBe("not-compared");
    });
  });
});

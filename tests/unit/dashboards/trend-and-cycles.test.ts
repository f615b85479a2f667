import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleKey, parseCycleKey, previousCycle, sortCycles } from "@/domain/cycles/cycle-ref";
import { selectCycle } from "@/domain/dashboards/cycles";
import { roundChange, scoreTrend, shareTrend } from "@/domain/dashboards/trend";

describe("score trend arrows", () => {
  it("says which way the risk moved, by how much, and since when", () => {
    expect(scoreTrend(62.4, 50.1, "2026 Q3")).toEqual({
      direction: "up",
      change: 12,
      since: "2026 Q3",
      text: "up 12 since 2026 Q3",
    });
    expect(scoreTrend(40, 47.6, "2026 Q3")).toEqual({
      direction: "down",
      change: -8,
      since: "2026 Q3",
      text: "down 8 since 2026 Q3",
    });
  });

  it("treats changes that round to zero as unchanged", () => {
    expect(scoreTrend(50.4, 50, "2026 Q2")).toMatchObject({
      direction: "steady",
      change: 0,
      text: "unchanged since 2026 Q2",
    });
    expect(scoreTrend(50.6, 50, "2026 Q2")).toMatchObject({ direction: "up", change: 1 });
  });

  it("has no arrow without both scores or without a previous cycle", () => {
    expect(scoreTrend(null, 40, "2026 Q3")).toBeNull();
    expect(scoreTrend(40, null, "2026 Q3")).toBeNull();
    expect(scoreTrend(40, 30, null)).toBeNull();
  });

  it("rounds a rise and a fall of the same size to the same number of points", () => {
    // Scores carry one decimal, so half-point moves are common: a rise of 0.5 and a fall of 0.5
    // both read as a point, 12.5 as 13 either way.
    expect(scoreTrend(40.5, 40, "2026 Q3")).toMatchObject({
      direction: "up",
      change: 1,
      text: "up 1 since 2026 Q3",
    });
    expect(scoreTrend(40, 40.5, "2026 Q3")).toMatchObject({
      direction: "down",
      change: -1,
      text: "down 1 since 2026 Q3",
    });
    expect(scoreTrend(72.5, 60, "2026 Q3")).toMatchObject({ change: 13, text: "up 13 since 2026 Q3" });
    expect(scoreTrend(60, 72.5, "2026 Q3")).toMatchObject({ change: -13, text: "down 13 since 2026 Q3" });
    // Floating-point noise (40.6 − 40.1 is 0.49999999999999...) does not turn a half into nothing.
    expect(scoreTrend(40.6, 40.1, "2026 Q3")).toMatchObject({ change: 1 });
    expect(scoreTrend(40.1, 40.6, "2026 Q3")).toMatchObject({ change: -1 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (a, b) =>
          scoreTrend(a / 10, b / 10, "2026 Q3")!.change === -scoreTrend(b / 10, a / 10, "2026 Q3")!.change,
      ),
    );
  });

  it("rounds changes kept to one decimal the same way up and down", () => {
    expect(roundChange(0.05, 1)).toBe(0.1);
    expect(roundChange(-0.05, 1)).toBe(-0.1);
    expect(roundChange(21 - 0.000001, 1)).toBe(21);
    expect(Object.is(roundChange(-0.04, 1), 0)).toBe(true);
  });

  it("rounds share changes the same way up and down", () => {
    expect(shareTrend(0.125, 0.12, "2026 Q3")).toMatchObject({ change: 1, text: "up 1 point since 2026 Q3" });
    expect(shareTrend(0.12, 0.125, "2026 Q3")).toMatchObject({
      change: -1,
      text: "down 1 point since 2026 Q3",
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (a, b) =>
          shareTrend(a / 1000, b / 1000, "2026 Q3")!.change ===
          -shareTrend(b / 1000, a / 1000, "2026 Q3")!.change,
      ),
    );
  });

  it("reports share changes in percentage points", () => {
    expect(shareTrend(0.25, 0.2, "2026 Q3")?.text).toBe("up 5 points since 2026 Q3");
    expect(shareTrend(0.19, 0.2, "2026 Q3")?.text).toBe("down 1 point since 2026 Q3");
    expect(shareTrend(0.2, 0.2, "2026 Q3")?.direction).toBe("steady");
  });
});

describe("cycles in URLs and in order", () => {
  const cycles = sortCycles([
    { id: "c3", name: "2026 Q1", year: 2026, quarter: 1, status: "closed" },
    { id: "c1", name: "2025 Q3", year: 2025, quarter: 3, status: "closed" },
    { id: "c4", name: "2026 Q2", year: 2026, quarter: 2, status: "open" },
    { id: "c2", name: "2025 Q4", year: 2025, quarter: 4, status: "closed" },
  ]);

  it("orders cycles by quarter across years", () => {
    expect(cycles.map((cycle) => cycle.id)).toEqual(["c1", "c2", "c3", "c4"]);
  });

  it("round-trips the readable cycle key and rejects anything else", () => {
    expect(cycleKey({ year: 2026, quarter: 4 })).toBe("2026-q4");
    expect(parseCycleKey("2026-q4")).toEqual({ year: 2026, quarter: 4 });
    expect(parseCycleKey("2026-Q1")).toEqual({ year: 2026, quarter: 1 });
    for (const bad of ["2026-q5", "2026 Q4", "q4", "", undefined, 42, ["2026-q4"]])
      expect(parseCycleKey(bad)).toBeNull();
  });

  it("selects the named cycle, or the latest one for a missing or unknown key", () => {
    expect(selectCycle(cycles, "2025-q4")?.id).toBe("c2");
    expect(selectCycle(cycles, undefined)?.id).toBe("c4");
    expect(selectCycle(cycles, "2019-q1")?.id).toBe("c4");
    expect(selectCycle([], "2025-q4")).toBeNull();
  });

  it("selects the open cycle by default, even when a later one was opened and closed again", () => {
    const withOpen = cycles.map((cycle) => ({ ...cycle, status: cycle.id === "c3" ? "open" : "closed" }));
    expect(selectCycle(withOpen, undefined)?.id).toBe("c3");
    expect(selectCycle(withOpen, "2026-q2")?.id).toBe("c4");
    expect(selectCycle(withOpen, "2025-q4")?.id).toBe("c2");
  });

  it("finds the cycle before, across a year boundary", () => {
    expect(previousCycle(cycles, cycles[2]!)?.id).toBe("c2");
    expect(previousCycle(cycles, cycles[0]!)).toBeNull();
  });
});

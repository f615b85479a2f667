/**
 * The roll-up trend while the selected cycle is open and only some teams have submitted: its
 * point is provisional, drawn apart on the charts and said to be in words.
 */
import { describe, expect, it } from "vitest";
import { PITFALL_IDS } from "@/domain/content/schema";
import type { HistoryPoint, RollupHistory, RollupScope } from "@/domain/dashboards/rollups";
import { provisionalPoint, trendSummary } from "@/features/dashboards/org-rollups-page";
import { chartRows } from "@/features/dashboards/rollup-trend-charts";

function scope(submitted: number, teams: number, reopened = 0): RollupScope {
  return { orgUnitId: null, name: "Organisation", slug: null, teams, submitted, reopened, pitfalls: [] };
}

const open = { key: "2026-q4", name: "2026 Q4", status: "open" };
const closed = { ...open, status: "closed" };

const points = [
  { cycleName: "2026 Q2", averageScore: 40, highOrCriticalPercent: 10 },
  { cycleName: "2026 Q3", averageScore: 42.5, highOrCriticalPercent: 8 },
  { cycleName: "2026 Q4", averageScore: 51.2, highOrCriticalPercent: 25 },
];

describe("the open cycle's point on the roll-up trend", () => {
  it("is provisional while the cycle is open and some teams have not submitted", () => {
    expect(provisionalPoint(scope(8, 24), open)).toEqual({
      cycleName: "2026 Q4",
      coverage: "8 of 24 teams so far",
      label: "8 of 24 so far",
    });
    // A reopened assessment's last results are in the figures: it counts as covered.
    expect(provisionalPoint(scope(7, 24, 1), open)?.label).toBe("8 of 24 so far");
  });

  it("is a quarter's figure once every team has results, or once the cycle has closed", () => {
    expect(provisionalPoint(scope(24, 24), open)).toBeNull();
    expect(provisionalPoint(scope(22, 23, 1), open)).toBeNull();
    expect(provisionalPoint(scope(8, 24), closed)).toBeNull();
    expect(provisionalPoint(undefined, open)).toBeNull();
  });

  it("leaves the complete lines and is drawn on lines of its own from the point before it", () => {
    const rows = chartRows(points, provisionalPoint(scope(8, 24), open));
    expect(rows.map((row) => [row.share, row.average])).toEqual([
      [10, 40],
      [8, 42.5],
      [null, null],
    ]);
    expect(rows.map((row) => [row.shareSoFar, row.averageSoFar])).toEqual([
      [null, null],
      [8, 42.5],
      [25, 51.2],
    ]);
    expect(rows.map((row) => row.provisional)).toEqual([false, false, true]);
    // The tooltip still reads every figure.
    expect(rows.at(-1)).toMatchObject({ shareShown: 25, averageShown: 51.2 });
  });

  it("reaches back over a cycle without figures to the last one that has them", () => {
    const gap = [points[0]!, { ...points[1]!, averageScore: null, highOrCriticalPercent: null }, points[2]!];
    const rows = chartRows(gap, provisionalPoint(scope(8, 24), open));
    expect(rows.map((row) => row.shareSoFar)).toEqual([10, null, 25]);
  });

  it("draws every point on the complete lines when none is provisional", () => {
    const rows = chartRows(points, null);
    expect(rows.map((row) => row.share)).toEqual([10, 8, 25]);
    expect(rows.every((row) => row.shareSoFar === null && !row.provisional)).toBe(true);
  });

  it("is said to be provisional in the chart's words, with how many teams it counts", () => {
    const history = (share: number | null, cycleName: string, cycleId: string): HistoryPoint => ({
      cycleId,
      cycleName,
      scored: 8,
      averageScore: 40,
      highOrCriticalShare: share,
    });
    const trend = Object.fromEntries(
      PITFALL_IDS.map((pitfallId) => [
        pitfallId,
        [history(0.08, "2026 Q3", "q3"), history(0.25, "2026 Q4", "q4")],
      ]),
    ) as RollupHistory;
    const names = new Map<string, string>([["linear-run-costs", "Linear run costs"]]);
    const words = trendSummary(null, trend, names, provisionalPoint(scope(8, 24), open));
    expect(words).toContain(
      "Share of the teams at high or critical risk. 2026 Q4 is provisional: it counts 8 of 24 teams so far. Linear run costs: 8% in 2026 Q3, 25% so far in 2026 Q4;",
    );
    expect(trendSummary(null, trend, names)).toContain("Linear run costs: 8% in 2026 Q3, 25% in 2026 Q4;");
  });
});

describe("the roll-up trend in words for one unit", () => {
  const trend = Object.fromEntries(
    PITFALL_IDS.map((pitfallId) => [
      pitfallId,
      [{ cycleId: "q4", cycleName: "2026 Q4", scored: 3, averageScore: 40, highOrCriticalShare: 0.25 }],
    ]),
  ) as RollupHistory;
  const names = new Map<string, string>();

  it("writes a unit name ending in s with an apostrophe alone, never 's after the s", () => {
    const words = trendSummary("Payments", trend, names);
    expect(words).toMatch(/^Share of Payments' teams at high or critical risk\./);
    expect(words).not.toContain("Payments's");
  });

  it("writes any other unit name with 's, and the organisation as 'the teams'", () => {
    expect(trendSummary("Checkout", trend, names)).toMatch(/^Share of Checkout's teams at high/);
    expect(trendSummary(null, trend, names)).toMatch(/^Share of the teams at high/);
  });
});

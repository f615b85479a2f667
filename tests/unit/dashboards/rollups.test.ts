import { describe, expect, it } from "vitest";
import { buildRollups, type RollupInput } from "@/domain/dashboards/rollups";
import type { AssessmentRow, PitfallResultRow } from "@/domain/dashboards/stored-rows";
import { bandForScore } from "@/domain/scoring/bands";

const cycles = [
  { id: "q2", name: "2026 Q2", year: 2026, quarter: 2, status: "closed" },
  { id: "q3", name: "2026 Q3", year: 2026, quarter: 3, status: "closed" },
];

function submitted(id: string, teamId: string, cycleId: string): AssessmentRow {
  return { id, teamId, cycleId, status: "submitted", overallScore: null, overallBand: null };
}

function treacle(assessmentId: string, score: number | null, status = "scored"): PitfallResultRow {
  return {
    assessmentId,
    pitfallId: "change-management-treacle",
    status,
    score,
    band: score === null ? null : bandForScore(score),
  };
}

const input: RollupInput = {
  cycles,
  units: [
    { id: "u-a", name: "Alpha", slug: "alpha" },
    { id: "u-b", name: "Beta", slug: "beta" },
    { id: "u-none", name: "No teams", slug: "no-teams" },
  ],
  teams: [
    { id: "a1", name: "A1", slug: "a1", orgUnitId: "u-a" },
    { id: "a2", name: "A2", slug: "a2", orgUnitId: "u-a" },
    { id: "b1", name: "B1", slug: "b1", orgUnitId: "u-b" },
  ],
  assessments: [
    submitted("a1-q2", "a1", "q2"),
    submitted("a2-q2", "a2", "q2"),
    submitted("b1-q2", "b1", "q2"),
    submitted("a1-q3", "a1", "q3"),
    submitted("a2-q3", "a2", "q3"),
    { id: "b1-q3", teamId: "b1", cycleId: "q3", status: "draft", overallScore: null, overallBand: null },
    // A team outside the readable set never counts, even if its rows slip through.
    submitted("x-q3", "outsider", "q3"),
  ],
  results: [
    treacle("a1-q2", 20),
    treacle("a2-q2", 70),
    treacle("b1-q2", 90),
    treacle("a1-q3", 65),
    treacle("a2-q3", 85),
    treacle("b1-q3", 10),
    treacle("x-q3", 99),
  ],
};

describe("roll-ups per org unit and pitfall", () => {
  const rollups = buildRollups(input);
  const treacleOf = (scope: { pitfalls: { pitfallId: string }[] }) =>
    scope.pitfalls.find((pitfall) => pitfall.pitfallId === "change-management-treacle") as (typeof rollups.organisation.pitfalls)[number];

  it("counts the selected cycle's submitted teams per band", () => {
    const alpha = treacleOf(rollups.units.find((unit) => unit.slug === "alpha")!);
    expect(alpha.bands).toEqual({ none: 0, low: 0, medium: 0, high: 1, critical: 1 });
    expect(alpha.scored).toBe(2);
  });

  it("averages scores and takes the share at high or critical", () => {
    const alpha = treacleOf(rollups.units.find((unit) => unit.slug === "alpha")!);
    expect(alpha.averageScore).toBe(75);
    expect(alpha.highOrCriticalShare).toBe(1);
    const organisation = treacleOf(rollups.organisation);
    // Drafts (Beta's Q3) and teams outside the readable set are left out.
    expect(organisation.scored).toBe(2);
    expect(organisation.averageScore).toBe(75);
  });

  it("tracks the history of each scope over the cycles, oldest first", () => {
    const organisation = treacleOf(rollups.organisation);
    expect(organisation.history.map((point) => [point.cycleName, point.averageScore, point.highOrCriticalShare])).toEqual([
      ["2026 Q2", 60, 0.667],
      ["2026 Q3", 75, 1],
    ]);
    expect(organisation.averageTrend?.text).toBe("up 15 since 2026 Q2");
    expect(organisation.shareTrend?.text).toBe("up 33 points since 2026 Q2");
  });

  it("shows a unit without submissions in the cycle with empty figures", () => {
    const beta = rollups.units.find((unit) => unit.slug === "beta")!;
    expect(beta.submitted).toBe(0);
    expect(treacleOf(beta)).toMatchObject({ scored: 0, averageScore: null, highOrCriticalShare: null, shareTrend: null });
    expect(treacleOf(beta).history[0]!.averageScore).toBe(90);
  });

  it("lists every pitfall and only units with teams", () => {
    expect(rollups.organisation.pitfalls).toHaveLength(7);
    expect(rollups.units.map((unit) => unit.slug)).toEqual(["alpha", "beta"]);
    expect(rollups.organisation).toMatchObject({ teams: 3, submitted: 2 });
  });

  it("counts not-assessed pitfalls apart from scored ones", () => {
    const withNotAssessed = buildRollups({
      ...input,
      results: input.results.map((row) => (row.assessmentId === "a1-q3" ? treacle("a1-q3", null, "not-assessed") : row)),
    });
    expect(treacleOf(withNotAssessed.organisation)).toMatchObject({ scored: 1, notAssessed: 1, averageScore: 85 });
  });
});

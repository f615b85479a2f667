import { describe, expect, it } from "vitest";
import { PITFALL_IDS } from "@/domain/content/schema";
import {
  buildRollups,
  historyPoints,
  type ResultAggregate,
  type RollupInput,
} from "@/domain/dashboards/rollups";
import {
  hasStoredResults,
  organisationSignalsFromRows,
  resultsByAssessment,
  type AssessmentRow,
  type PitfallResultRow,
} from "@/domain/dashboards/stored-rows";
import { bandForScore } from "@/domain/scoring/bands";

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

const teams = [
  { id: "a1", name: "A1", slug: "a1", orgUnitId: "u-a" },
  { id: "a2", name: "A2", slug: "a2", orgUnitId: "u-a" },
  { id: "b1", name: "B1", slug: "b1", orgUnitId: "u-b" },
];

const input: RollupInput = {
  units: [
    { id: "u-a", name: "Alpha", slug: "alpha" },
    { id: "u-b", name: "Beta", slug: "beta" },
    { id: "u-none", name: "No teams", slug: "no-teams" },
  ],
  teams,
  previous: [submitted("a1-q2", "a1", "q2"), submitted("a2-q2", "a2", "q2"), submitted("b1-q2", "b1", "q2")],
  current: [
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
  previousCycleName: "2026 Q2",
};

const treacleOf = (scope: { pitfalls: readonly { pitfallId: string }[] }) =>
  scope.pitfalls.find((pitfall) => pitfall.pitfallId === "change-management-treacle") as ReturnType<
    typeof buildRollups
  >["organisation"]["pitfalls"][number];

describe("roll-ups per org unit and pitfall", () => {
  const rollups = buildRollups(input);

  it("counts the selected cycle's submitted teams per band", () => {
    const alpha = treacleOf(rollups.units.find((unit) => unit.slug === "alpha")!);
    expect(alpha.bands).toEqual({ none: 0, low: 0, medium: 0, high: 1, critical: 1 });
    expect(alpha.scored).toBe(2);
  });

  it("averages scores and takes the share at high or critical, leaving out drafts and unreadable teams", () => {
    const alpha = treacleOf(rollups.units.find((unit) => unit.slug === "alpha")!);
    expect(alpha).toMatchObject({ averageScore: 75, highOrCriticalShare: 1 });
    expect(treacleOf(rollups.organisation)).toMatchObject({
      scored: 2,
      averageScore: 75,
      highOrCriticalShare: 1,
    });
  });

  it("compares with the previous cycle over the teams with a result in both only", () => {
    const organisation = treacleOf(rollups.organisation);
    // A1 and A2 have results in both: 20 and 70 (average 45, one of two at high or critical), now
    // 65 and 85 (75, both). B1 (90 in 2026 Q2) is only in draft now, so it is left out: over every
    // team of 2026 Q2 the change would read "up 15" and "up 33 points".
    expect(organisation.comparedTeams).toBe(2);
    expect(organisation.averageTrend?.text).toBe(
      "up 30 since 2026 Q2, among the 2 teams with a result in both cycles",
    );
    expect(organisation.shareTrend?.text).toBe(
      "up 50 points since 2026 Q2, among the 2 teams with a result in both cycles",
    );
    // The previous cycle's own figures (the trend's point for it) still cover every team then.
    expect(organisation.previous).toEqual({ scored: 3, averageScore: 60, highOrCriticalShare: 0.667 });
  });

  it("agrees in direction with At risk when fewer teams have submitted than last cycle", () => {
    // Four teams High or Critical last cycle, three submitted now, all lower than before.
    const four = ["t1", "t2", "t3", "t4"].map((id) => ({ id, name: id, slug: id, orgUnitId: "u-a" }));
    const partial = buildRollups({
      units: [{ id: "u-a", name: "Alpha", slug: "alpha" }],
      teams: four,
      previous: four.map((team) => submitted(`${team.id}-q2`, team.id, "q2")),
      current: four.slice(0, 3).map((team) => submitted(`${team.id}-q3`, team.id, "q3")),
      results: [
        ...four.map((team) => treacle(`${team.id}-q2`, 70)),
        treacle("t1-q3", 65),
        treacle("t2-q3", 62),
        treacle("t3-q3", 20),
      ],
      previousCycleName: "2026 Q2",
    });
    const organisation = treacleOf(partial.organisation);
    expect(organisation.comparedTeams).toBe(3);
    expect(organisation.shareTrend).toMatchObject({ direction: "down", change: -33 });
    expect(organisation.averageTrend).toMatchObject({ direction: "down" });
  });

  it("leaves out a team scored on the pitfall in one cycle only", () => {
    const unscored = buildRollups({
      ...input,
      results: input.results.map((row) =>
        row.assessmentId === "a1-q2" ? treacle("a1-q2", null, "not-assessed") : row,
      ),
    });
    expect(treacleOf(unscored.organisation)).toMatchObject({
      comparedTeams: 1,
      averageTrend: { text: "up 15 since 2026 Q2, among the 1 team with a result in both cycles" },
    });
  });

  it("shows a unit without submissions in the cycle with empty figures", () => {
    const beta = rollups.units.find((unit) => unit.slug === "beta")!;
    expect(beta.submitted).toBe(0);
    expect(treacleOf(beta)).toMatchObject({
      scored: 0,
      averageScore: null,
      highOrCriticalShare: null,
      shareTrend: null,
    });
  });

  it("lists every pitfall and only units with teams", () => {
    expect(rollups.organisation.pitfalls).toHaveLength(7);
    expect(rollups.units.map((unit) => unit.slug)).toEqual(["alpha", "beta"]);
    expect(rollups.organisation).toMatchObject({ teams: 3, submitted: 2 });
  });

  it("keeps a reopened assessment's last submitted results in the figures, counted apart", () => {
    const reopened = buildRollups({
      ...input,
      current: input.current.map((row) => (row.id === "a2-q3" ? { ...row, status: "reopened" } : row)),
    });
    expect(reopened.organisation).toMatchObject({ teams: 3, submitted: 1, reopened: 1 });
    expect(reopened.units.find((unit) => unit.slug === "alpha")).toMatchObject({ submitted: 1, reopened: 1 });
    expect(treacleOf(reopened.organisation)).toEqual(treacleOf(rollups.organisation));
    expect(rollups.organisation.reopened).toBe(0);
  });

  it("has no change without a previous cycle", () => {
    const first = buildRollups({ ...input, previous: [], previousCycleName: null });
    expect(treacleOf(first.organisation)).toMatchObject({ averageTrend: null, shareTrend: null });
  });

  it("counts not-assessed pitfalls apart from scored ones", () => {
    const withNotAssessed = buildRollups({
      ...input,
      results: input.results.map((row) =>
        row.assessmentId === "a1-q3" ? treacle("a1-q3", null, "not-assessed") : row,
      ),
    });
    expect(treacleOf(withNotAssessed.organisation)).toMatchObject({
      scored: 1,
      notAssessed: 1,
      averageScore: 85,
    });
  });
});

describe("roll-up history from database aggregates", () => {
  const cycles = [
    { id: "q2", name: "2026 Q2", year: 2026, quarter: 2, status: "closed" },
    { id: "q3", name: "2026 Q3", year: 2026, quarter: 3, status: "closed" },
  ];

  /** What GROUP BY pitfallId, status, band with COUNT and SUM returns for these rows. */
  function aggregate(rows: readonly PitfallResultRow[]): ResultAggregate[] {
    const groups = new Map<string, ResultAggregate>();
    for (const row of rows) {
      const key = `${row.pitfallId}|${row.status}|${row.band}`;
      const group = groups.get(key) ?? {
        pitfallId: row.pitfallId,
        status: row.status,
        band: row.band,
        count: 0,
        scoreSum: null,
      };
      group.count++;
      if (row.score !== null) group.scoreSum = (group.scoreSum ?? 0) + row.score;
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  const rows = (cycle: string) => {
    const scores = cycle === "q2" ? [12.5, 33.3, 61.2, 80, 95.4, 7.1] : [44.4, 59.9, 60, 79.9, 81.1, 22.2];
    return scores.flatMap((score, team) =>
      PITFALL_IDS.map((pitfallId, index) => {
        const value = Math.min(100, Math.round((score + index * 3.7) * 10) / 10);
        return {
          assessmentId: `${cycle}-${team}`,
          pitfallId,
          status: "scored",
          score: value,
          band: bandForScore(value),
        };
      }),
    );
  };

  it("matches the engine's distributions to within one rounding step, whatever the summing order", () => {
    const forward = historyPoints(
      cycles,
      cycles.map((cycle) => aggregate(rows(cycle.id))),
    );
    const backward = historyPoints(
      cycles,
      cycles.map((cycle) => aggregate([...rows(cycle.id)].reverse())),
    );
    expect(backward).toEqual(forward);
    for (const [index, cycle] of cycles.entries()) {
      const assessments = Array.from({ length: 6 }, (_, team) =>
        submitted(`${cycle.id}-${team}`, `t${team}`, cycle.id),
      );
      const engine = organisationSignalsFromRows(assessments, resultsByAssessment(rows(cycle.id)), new Map());
      for (const distribution of engine.pitfalls) {
        const point = forward[distribution.pitfallId][index]!;
        expect(point).toMatchObject({
          scored: distribution.scored,
          highOrCriticalShare: distribution.highOrCriticalShare,
        });
        expect(Math.abs(point.averageScore! - distribution.averageScore!)).toBeLessThanOrEqual(0.1 + 1e-9);
      }
    }
  });

  it("takes the last two points from the roll-up shown beside it, so the page never disagrees with itself", () => {
    const assessments = (cycle: string) =>
      Array.from({ length: 6 }, (_, team) => submitted(`${cycle}-${team}`, `t${team}`, cycle));
    const rollups = buildRollups({
      units: [{ id: "u", name: "Unit", slug: "unit" }],
      teams: Array.from({ length: 6 }, (_, team) => ({
        id: `t${team}`,
        name: `T${team}`,
        slug: `t${team}`,
        orgUnitId: "u",
      })),
      current: assessments("q3"),
      previous: assessments("q2"),
      results: [...rows("q2"), ...rows("q3")],
      previousCycleName: "2026 Q2",
    });
    const history = historyPoints(
      cycles,
      cycles.map((cycle) => aggregate(rows(cycle.id))),
      rollups.organisation,
    );
    for (const pitfall of rollups.organisation.pitfalls) {
      expect(history[pitfall.pitfallId][1]).toMatchObject({
        averageScore: pitfall.averageScore,
        scored: pitfall.scored,
      });
      expect(history[pitfall.pitfallId][0]).toMatchObject(pitfall.previous!);
    }
  });

  it("leaves out unscored groups and shows cycles without scores as empty points", () => {
    const history = historyPoints(cycles, [
      [
        { pitfallId: "excessive-bau", status: "not-assessed", band: null, count: 3, scoreSum: null },
        { pitfallId: "excessive-bau", status: "scored", band: "high", count: 1, scoreSum: 70 },
        { pitfallId: "excessive-bau", status: "scored", band: "low", count: 3, scoreSum: 45 },
      ],
      [],
    ]);
    expect(history["excessive-bau"]).toEqual([
      { cycleId: "q2", cycleName: "2026 Q2", scored: 4, averageScore: 28.8, highOrCriticalShare: 0.25 },
      { cycleId: "q3", cycleName: "2026 Q3", scored: 0, averageScore: null, highOrCriticalShare: null },
    ]);
  });
});

describe("which assessments' stored results count", () => {
  it("counts submitted and reopened assessments, never drafts", () => {
    const row = (id: string, status: string): AssessmentRow => ({ ...submitted(id, id, "q3"), status });
    expect(hasStoredResults(row("s", "submitted"))).toBe(true);
    expect(hasStoredResults(row("r", "reopened"))).toBe(true);
    expect(hasStoredResults(row("d", "draft"))).toBe(false);
    const signals = organisationSignalsFromRows(
      [row("s", "submitted"), row("r", "reopened"), row("d", "draft")],
      resultsByAssessment([treacle("s", 20), treacle("r", 90), treacle("d", 50)]),
      new Map(),
    );
    expect(signals.teams).toBe(2);
    expect(
      signals.pitfalls.find((pitfall) => pitfall.pitfallId === "change-management-treacle"),
    ).toMatchObject({ scored: 2, averageScore: 55 });
  });
});

import { describe, expect, it } from "vitest";
import { PITFALL_IDS, type PitfallId } from "@/domain/content/schema";
import {
  BIGGEST_CHANGES_SHOWN,
  biggestChanges,
  NOTABLE_CHANGE_POINTS,
  pitfallMoves,
  signedPoints,
} from "@/domain/dashboards/biggest-changes";
import type { HeadlinePitfallResult } from "@/domain/results/headline";
import { bandForScore } from "@/domain/scoring/bands";

/** A team's seven results: the given scores, 5 (band None) elsewhere; `null` for not scored. */
function results(scores: Partial<Record<PitfallId, number | null>> = {}): HeadlinePitfallResult[] {
  return PITFALL_IDS.map((pitfallId) => {
    const score = scores[pitfallId] === undefined ? 5 : scores[pitfallId];
    return score === null
      ? { pitfallId, status: "insufficient-evidence", score: null, band: null }
      : { pitfallId, status: "scored", score, band: bandForScore(score) };
  });
}

function changes(teams: Record<string, { before?: HeadlinePitfallResult[]; now?: HeadlinePitfallResult[] }>) {
  const entries = Object.entries(teams);
  return biggestChanges({
    teams: new Map(entries.map(([name]) => [name, { name }])),
    current: new Map(entries.flatMap(([name, team]) => (team.now ? [[name, team.now] as const] : []))),
    previous: new Map(entries.flatMap(([name, team]) => (team.before ? [[name, team.before] as const] : []))),
    since: "2026 Q3",
    nameOf: (team) => team.name,
  });
}

const names = (list: { team: { name: string } }[]) => list.map((entry) => entry.team.name);

describe("biggest changes since the previous cycle", () => {
  it("lists the teams that got worse, a headline that moved a band first, then the biggest rise", () => {
    const result = changes({
      // Excessive BAU up 20, Critical now as before: no band step of the headline.
      "Cloud Foundations": {
        before: results({ "excessive-bau": 73.1, "linear-run-costs": 85 }),
        now: results({ "excessive-bau": 93.1, "linear-run-costs": 85 }),
      },
      // High to Critical on a move of 12: the headline moved a band, so it comes first.
      Billing: {
        before: results({ "linear-run-costs": 70 }),
        now: results({ "linear-run-costs": 82 }),
      },
      // Up 3, inside its band: not a change worth listing.
      Search: {
        before: results({ "linear-run-costs": 40 }),
        now: results({ "linear-run-costs": 43 }),
      },
    });
    expect(result.since).toBe("2026 Q3");
    expect(result.comparedTeams).toBe(3);
    expect(names(result.worse)).toEqual(["Billing", "Cloud Foundations"]);
    expect(result.worseTeams).toBe(2);
    expect(result.worse[0]).toMatchObject({ headlineBefore: "high", headlineNow: "critical" });
    expect(result.worse[0]!.moves).toEqual([
      {
        pitfallId: "linear-run-costs",
        before: 70,
        now: 82,
        change: 12,
        bandBefore: "high",
        bandNow: "critical",
      },
    ]);
    expect(result.worse[1]).toMatchObject({ headlineBefore: "critical", headlineNow: "critical" });
    expect(result.worse[1]!.moves.map((move) => [move.pitfallId, move.change])).toEqual([
      ["excessive-bau", 20],
    ]);
    expect(result.better).toEqual([]);
    expect(result.betterTeams).toBe(0);
  });

  it("lists a team both ways when one pitfall got worse and another better", () => {
    const result = changes({
      Billing: {
        before: results({ "excessive-bau": 60, "embedded-specialists": 52 }),
        now: results({ "excessive-bau": 68, "embedded-specialists": 40 }),
      },
    });
    expect(result.worse[0]!.moves.map((move) => [move.pitfallId, move.change])).toEqual([
      ["excessive-bau", 8],
    ]);
    expect(result.better[0]!.moves.map((move) => [move.pitfallId, move.change])).toEqual([
      ["embedded-specialists", -12],
    ]);
  });

  it("keeps a team whose headline moved out of the other list, whatever else moved", () => {
    const result = changes({
      // High to Critical, with Embedded specialists down 22: it got worse.
      "Cloud Foundations": {
        before: results({ "excessive-bau": 73.1, "embedded-specialists": 45.5 }),
        now: results({ "excessive-bau": 93.1, "embedded-specialists": 23.6 }),
      },
      // Critical to High, with Change management treacle up 18: it got better.
      Search: {
        before: results({ "excessive-bau": 81.1, "change-management-treacle": 2.7 }),
        now: results({ "excessive-bau": 63.9, "change-management-treacle": 21.1 }),
      },
    });
    expect(names(result.worse)).toEqual(["Cloud Foundations"]);
    expect(names(result.better)).toEqual(["Search"]);
    expect(result.better[0]!.moves.map((move) => move.pitfallId)).toEqual(["excessive-bau"]);
  });

  it(`counts a move from ${NOTABLE_CHANGE_POINTS} points, or a smaller one into another band`, () => {
    const result = changes({
      Fleet: {
        // Up 4 inside Medium, up 2 from Medium into High, down 5 inside Medium; the headline is
        // High before and after, so the team can be in both lists.
        before: results({
          "linear-run-costs": 40,
          "excessive-bau": 59,
          "embedded-specialists": 50,
          "no-major-incident-management": 70,
        }),
        now: results({
          "linear-run-costs": 44,
          "excessive-bau": 61,
          "embedded-specialists": 45,
          "no-major-incident-management": 70,
        }),
      },
    });
    expect(result.worse[0]!.moves.map((move) => move.pitfallId)).toEqual(["excessive-bau"]);
    expect(result.better[0]!.moves.map((move) => move.pitfallId)).toEqual(["embedded-specialists"]);
    // Rounded as the heatmap's arrows are: 59.6 to 60.2 is a change of 1, still into High.
    const rounded = pitfallMoves(results({ "excessive-bau": 60.2 }), results({ "excessive-bau": 59.6 }));
    expect(rounded.find((move) => move.pitfallId === "excessive-bau")).toMatchObject({ change: 1 });
  });

  it("compares like with like: only teams with results in both cycles, only pitfalls scored in both", () => {
    const result = changes({
      Checkout: { now: results({ "linear-run-costs": 90 }) },
      Returns: { before: results({ "linear-run-costs": 10 }) },
      Accounts: {
        before: results({ "linear-run-costs": null }),
        now: results({ "linear-run-costs": 95 }),
      },
    });
    expect(result.comparedTeams).toBe(1);
    // Accounts' Linear run costs was not scored before: no change to report for it, only the
    // headline, which did move (None to Critical).
    expect(result.worse).toEqual([
      { team: { name: "Accounts" }, headlineBefore: "none", headlineNow: "critical", moves: [] },
    ]);
  });

  it(`shows the ${BIGGEST_CHANGES_SHOWN} biggest each way, at most three pitfalls each, and counts the rest`, () => {
    const teams = Object.fromEntries(
      Array.from({ length: 7 }, (_, index) => [
        `Team ${index}`,
        {
          before: results({ "linear-run-costs": 30, "excessive-bau": 30, "embedded-specialists": 30 }),
          now: results({
            "linear-run-costs": 36 + index,
            "excessive-bau": 37 + index,
            "embedded-specialists": 38 + index,
            "limited-on-call-schedule": 11,
          }),
        },
      ]),
    );
    const result = changes(teams);
    expect(result.worseTeams).toBe(7);
    expect(names(result.worse)).toEqual(["Team 6", "Team 5", "Team 4", "Team 3", "Team 2"]);
    expect(result.worse[0]!.moves.map((move) => [move.pitfallId, move.change])).toEqual([
      ["embedded-specialists", 14],
      ["excessive-bau", 13],
      ["linear-run-costs", 12],
    ]);
  });

  it("writes a change with its sign", () => {
    expect(signedPoints(20)).toBe("+20");
    expect(signedPoints(-12)).toBe("−12");
    expect(signedPoints(0)).toBe("0");
  });
});

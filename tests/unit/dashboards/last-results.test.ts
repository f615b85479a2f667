import { describe, expect, it } from "vitest";
import { earlierCriticalTeams, lastResultsOfTeamsWithout } from "@/domain/dashboards/last-results";
import { earlierCriticalText } from "@/domain/dashboards/org-priorities";
import type { LastResultRow, PitfallResultRow } from "@/domain/dashboards/stored-rows";

function row(id: string, teamId: string, cycleName: string, status = "submitted"): LastResultRow {
  return { id, teamId, cycleId: cycleName, status, overallScore: null, overallBand: null, cycleName };
}

function result(assessmentId: string, pitfallId: string, score: number, band: string): PitfallResultRow {
  return { assessmentId, pitfallId, status: "scored", score, band };
}

describe("each team's last earlier result", () => {
  it("takes the newest one with results, only for teams without results in the cycle", () => {
    const picked = lastResultsOfTeamsWithout(
      [
        { ...row("now-a", "a", "2026 Q4"), status: "submitted" },
        { ...row("now-b", "b", "2026 Q4"), status: "draft" },
        { ...row("now-c", "c", "2026 Q4"), status: "reopened" },
      ],
      [
        row("a-q3", "a", "2026 Q3"),
        row("b-q3", "b", "2026 Q3", "draft"),
        row("b-q2", "b", "2026 Q2"),
        row("b-q1", "b", "2026 Q1"),
        row("c-q3", "c", "2026 Q3"),
        row("d-q3", "d", "2026 Q3", "reopened"),
      ],
    );
    expect(picked.map((entry) => entry.id)).toEqual(["b-q2", "d-q3"]);
  });
});

describe("teams whose last result was Critical", () => {
  it("are those with a Critical pitfall, most Critical pitfalls first, then the highest score", () => {
    const teams = earlierCriticalTeams(
      [row("x", "refunds", "2026 Q3"), row("y", "devex", "2026 Q3"), row("z", "search", "2026 Q2")],
      [
        result("x", "linear-run-costs", 96.1, "critical"),
        result("y", "linear-run-costs", 80, "critical"),
        result("y", "excessive-bau", 85, "critical"),
        result("z", "linear-run-costs", 70, "high"),
        // The stored overall row is not a pitfall.
        result("z", "overall", 90, "critical"),
      ],
    );
    expect(teams).toEqual([
      { teamId: "devex", cycleName: "2026 Q3", criticalPitfalls: 2, worstScore: 85 },
      { teamId: "refunds", cycleName: "2026 Q3", criticalPitfalls: 1, worstScore: 96.1 },
    ]);
  });

  it("are described with the cycle their results come from", () => {
    expect(earlierCriticalText([{ cycleName: "2026 Q3" }, { cycleName: "2026 Q3" }])).toBe(
      "2 teams not yet submitted had a Critical pitfall in 2026 Q3",
    );
    expect(earlierCriticalText([{ cycleName: "2026 Q2" }, { cycleName: "2026 Q3" }])).toBe(
      "2 teams not yet submitted had a Critical pitfall in their last results (2026 Q3, 2026 Q2)",
    );
    expect(earlierCriticalText([{ cycleName: "2026 Q3" }])).toBe(
      "1 team not yet submitted had a Critical pitfall in 2026 Q3",
    );
  });
});

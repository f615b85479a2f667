import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { PITFALL_IDS } from "@/domain/content/schema";
import { commonCountermeasures } from "@/domain/plans/common-countermeasures";
import {
  heatmapCsvColumns,
  heatmapCsvHeader,
  heatmapCsvLines,
  type HeatmapTeamRow,
} from "@/domain/plans/heatmap-csv";

const submitted: HeatmapTeamRow = {
  orgUnitName: "Payments, EU",
  teamName: 'Zoë\'s "Checkout"',
  teamSlug: "checkout",
  assessment: {
    results: [
      { pitfallId: "linear-run-costs", status: "scored", score: 62, band: "high" },
      { pitfallId: "limited-on-call-schedule", status: "scored", score: 14.7, band: "low" },
      { pitfallId: "excessive-bau", status: "not-assessed", score: null, band: null },
      { pitfallId: "embedded-specialists", status: "insufficient-evidence", score: null, band: null },
    ],
  },
};

describe("heatmap CSV", () => {
  it("has the headline, then a score and a band column per pitfall, after the team columns", () => {
    const columns = heatmapCsvColumns();
    expect(columns.slice(0, 10)).toEqual([
      "Org unit",
      "Team",
      "Team slug",
      "Cycle",
      "Status",
      "Overall band (worst pitfall)",
      "High or Critical pitfalls",
      "Worst pitfall",
      "Worst pitfall score",
      "Average score",
    ]);
    expect(columns).toHaveLength(10 + PITFALL_IDS.length * 2);
    expect(columns).toContain("Linear run costs score");
    expect(columns).toContain("Linear run costs band");
  });

  it("writes scores and bands in words, and quotes names so they parse back", () => {
    const csv =
      heatmapCsvHeader() +
      heatmapCsvLines(
        [submitted, { ...submitted, teamName: "Refunds", teamSlug: "refunds", assessment: null }],
        "2026 Q3",
      );
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [first, second] = parsed.data;
    expect(first).toMatchObject({
      "Org unit": "Payments, EU",
      Team: 'Zoë\'s "Checkout"',
      Cycle: "2026 Q3",
      Status: "Submitted",
      // The headline leads: the worst pitfall is High although the average (38.4) is Medium.
      "Overall band (worst pitfall)": "High",
      "High or Critical pitfalls": "1",
      "Worst pitfall": "Linear run costs",
      "Worst pitfall score": "62.0",
      "Average score": "38.4",
      "Linear run costs score": "62.0",
      "Linear run costs band": "High",
      "Excessive BAU score": "",
      "Excessive BAU band": "Not assessed",
      "Embedded specialists band": "Insufficient evidence",
    });
    expect(second).toMatchObject({
      Team: "Refunds",
      Status: "Not submitted",
      "Overall band (worst pitfall)": "",
      "Average score": "",
      "Linear run costs band": "",
    });
  });

  it("keeps a name starting like a formula from running in a spreadsheet", () => {
    const csv = heatmapCsvLines([{ ...submitted, teamName: '=HYPERLINK("x")' }], "2026 Q3");
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.data[0]![1]).toBe('\'=HYPERLINK("x")');
  });
});

describe("most common countermeasures in a unit", () => {
  it("counts teams planning a countermeasure and teams it ranks top for, each team once, planned ones first on a tie", () => {
    const common = commonCountermeasures(
      [
        { teamId: "a", countermeasureId: "pipeline", action: "Pipeline", status: "todo" },
        { teamId: "b", countermeasureId: "pipeline", action: "Pipeline", status: "done" },
        { teamId: "c", countermeasureId: "pipeline", action: "Pipeline", status: "dropped" },
        { teamId: "a", countermeasureId: "telemetry", action: "Telemetry", status: "in_progress" },
      ],
      [
        {
          teamId: "a",
          ranked: [
            { countermeasureId: "pipeline", action: "Pipeline", totalRiskRemoved: 30 },
            { countermeasureId: "budgets", action: "Budgets", totalRiskRemoved: 20 },
            { countermeasureId: "rework", action: "Rework", totalRiskRemoved: 10 },
            { countermeasureId: "fourth", action: "Fourth", totalRiskRemoved: 5 },
          ],
        },
        {
          teamId: "c",
          ranked: [
            { countermeasureId: "budgets", action: "Budgets", totalRiskRemoved: 12 },
            { countermeasureId: "nothing", action: "Nothing", totalRiskRemoved: 0 },
          ],
        },
      ],
    );
    expect(
      common.map((entry) => [
        entry.countermeasureId,
        entry.teamsPlanning,
        entry.teamsRecommended,
        entry.teamsTotal,
      ]),
    ).toEqual([
      ["pipeline", 2, 1, 2],
      ["budgets", 0, 2, 2],
      ["telemetry", 1, 0, 1],
      ["rework", 0, 1, 1],
    ]);
  });
});

import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { PITFALL_IDS } from "@/domain/content/schema";
import { buildHeatmap, parseHeatmapQuery, type HeatmapInput } from "@/domain/dashboards/heatmap";
import type { AssessmentRow, PitfallResultRow } from "@/domain/dashboards/stored-rows";
import { commonCountermeasures } from "@/domain/plans/common-countermeasures";
import {
  heatmapCsvColumns,
  heatmapCsvHeader,
  heatmapCsvLines,
  type HeatmapCsvTeam,
} from "@/domain/plans/heatmap-csv";

function assessment(id: string, teamId: string, cycleId: string, status: string): AssessmentRow {
  return { id, teamId, cycleId, status, overallScore: null, overallBand: null };
}

/**
 * Zoë's "Checkout" submitted 2026 Q4: Linear run costs High (62) beside quieter pitfalls, one not
 * assessed and one without enough evidence. Refunds is in draft and was Critical in 2026 Q3;
 * Billing has not started and never submitted.
 */
const input: HeatmapInput = {
  units: [{ id: "u-pay", name: "Payments, EU", slug: "payments" }],
  teams: [
    { id: "t-checkout", name: 'Zoë\'s "Checkout"', slug: "checkout", orgUnitId: "u-pay" },
    { id: "t-refunds", name: "Refunds", slug: "refunds", orgUnitId: "u-pay" },
    { id: "t-billing", name: "Billing", slug: "billing", orgUnitId: "u-pay" },
  ],
  current: [
    assessment("a-checkout", "t-checkout", "q4", "submitted"),
    assessment("a-refunds", "t-refunds", "q4", "draft"),
  ],
  previous: [],
  results: [
    { assessmentId: "a-checkout", pitfallId: "linear-run-costs", status: "scored", score: 62, band: "high" },
    {
      assessmentId: "a-checkout",
      pitfallId: "limited-on-call-schedule",
      status: "scored",
      score: 14.7,
      band: "low",
    },
    {
      assessmentId: "a-checkout",
      pitfallId: "excessive-bau",
      status: "not-assessed",
      score: null,
      band: null,
    },
    {
      assessmentId: "a-checkout",
      pitfallId: "embedded-specialists",
      status: "insufficient-evidence",
      score: null,
      band: null,
    },
    ...PITFALL_IDS.map((pitfallId): PitfallResultRow => ({
      assessmentId: "o-refunds",
      pitfallId,
      status: "scored",
      score: pitfallId === "change-management-treacle" ? 96.1 : 20,
      band: pitfallId === "change-management-treacle" ? "critical" : "low",
    })),
  ],
  previousCycleName: "2026 Q3",
  lastResults: [{ ...assessment("o-refunds", "t-refunds", "q3", "submitted"), cycleName: "2026 Q3" }],
};

function csvOf(query: Record<string, string> = {}) {
  const heatmap = buildHeatmap(input, parseHeatmapQuery(query));
  const teams: HeatmapCsvTeam[] = heatmap.groups.flatMap((group) =>
    group.rows.map((row) => ({ orgUnitName: group.name, row })),
  );
  const parsed = Papa.parse<Record<string, string>>(heatmapCsvHeader() + heatmapCsvLines(teams, "2026 Q4"), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("heatmap CSV", () => {
  it("has the completion and the cycle the figures come from, the headline, then a score and a band column per pitfall", () => {
    const columns = heatmapCsvColumns();
    expect(columns.slice(0, 11)).toEqual([
      "Org unit",
      "Team",
      "Team slug",
      "Cycle",
      "Completion",
      "Results from",
      "Overall band (worst pitfall)",
      "High or Critical pitfalls",
      "Worst pitfall",
      "Worst pitfall score",
      "Average score",
    ]);
    expect(columns).toHaveLength(11 + PITFALL_IDS.length * 2);
    expect(columns).toContain("Linear run costs score");
    expect(columns).toContain("Linear run costs band");
  });

  it("writes scores with one decimal and bands in words, and quotes names so they parse back", () => {
    const checkout = csvOf().find((row) => row["Team slug"] === "checkout")!;
    expect(checkout).toMatchObject({
      "Org unit": "Payments, EU",
      Team: 'Zoë\'s "Checkout"',
      Cycle: "2026 Q4",
      Completion: "Submitted",
      "Results from": "2026 Q4",
      // The headline leads: the worst pitfall is High although the average (38.4) is Medium.
      "Overall band (worst pitfall)": "High",
      "High or Critical pitfalls": "1",
      "Worst pitfall": "Linear run costs",
      "Worst pitfall score": "62.0",
      "Average score": "38.4",
      "Linear run costs score": "62.0",
      "Linear run costs band": "High",
      "Limited on-call schedule score": "14.7",
      "Excessive BAU score": "",
      "Excessive BAU band": "Not assessed",
      "Embedded specialists band": "Insufficient evidence",
    });
  });

  it("gives a team that has not submitted its completion and, as the heatmap does, its last result with its cycle", () => {
    const rows = csvOf();
    // Riskier first, as the heatmap sorts: Refunds by its 2026 Q3 result, Billing (no result ever) last.
    expect(rows.map((row) => row["Team slug"])).toEqual(["refunds", "checkout", "billing"]);
    expect(rows[0]).toMatchObject({
      Completion: "Draft",
      "Results from": "2026 Q3",
      "Overall band (worst pitfall)": "Critical",
      "High or Critical pitfalls": "1",
      "Worst pitfall": "Change management treacle",
      "Worst pitfall score": "96.1",
      "Change management treacle score": "96.1",
      "Change management treacle band": "Critical",
    });
    expect(rows[2]).toMatchObject({
      Completion: "Not started",
      "Results from": "",
      "Overall band (worst pitfall)": "",
      "Average score": "",
      "Linear run costs band": "",
    });
  });

  it("keeps to the view's filters: an earlier result never counts for this cycle's band filter", () => {
    expect(csvOf({ band: "high" }).map((row) => row["Team slug"])).toEqual(["checkout"]);
    expect(csvOf({ completion: "not-started" }).map((row) => row["Team slug"])).toEqual(["billing"]);
    expect(csvOf({ sort: "team", dir: "asc" }).map((row) => row["Team slug"])).toEqual([
      "billing",
      "refunds",
      "checkout",
    ]);
  });

  it("keeps a name starting like a formula from running in a spreadsheet", () => {
    const heatmap = buildHeatmap(input, parseHeatmapQuery({}));
    const row = heatmap.groups[0]!.rows.find((entry) => entry.slug === "checkout")!;
    const csv = heatmapCsvLines(
      [{ orgUnitName: "Payments", row: { ...row, name: '=HYPERLINK("x")' } }],
      "2026 Q4",
    );
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

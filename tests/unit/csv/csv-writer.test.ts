import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvLines, neutraliseCell } from "@/domain/csv/csv-writer";
import { buildHeatmap, parseHeatmapQuery } from "@/domain/dashboards/heatmap";
import { heatmapCsvHeader, heatmapCsvLines } from "@/domain/plans/heatmap-csv";
import { jiraCsvLines, jiraRowForPlanItem, toJiraCsv } from "@/domain/plans/jira-csv";
import { samplePlanItem } from "../plans/sample-export";

/** Text people type that a spreadsheet would otherwise run as a formula. */
const FORMULAS = [
  '=HYPERLINK("http://x","y")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1",
  "\r=1",
  "=1\n+2",
  "-cmd|' /C calc'!A0",
];

function cells(csv: string): string[][] {
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function expectNoFormula(csv: string) {
  for (const row of cells(csv))
    for (const cell of row) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
}

describe("the CSV writer", () => {
  it("puts an apostrophe before a cell starting with = + - @, a tab or a carriage return, multi-line cells included", () => {
    for (const formula of FORMULAS) expect(neutraliseCell(formula)).toBe(`'${formula}`);
    expect(neutraliseCell("plain text")).toBe("plain text");
    expect(neutraliseCell("a-b=c")).toBe("a-b=c");
    expect(neutraliseCell("")).toBe("");
    expect(cells(csvLines([FORMULAS]))[0]).toEqual(FORMULAS.map((formula) => `'${formula}`));
  });

  it("quotes commas, quotes and line breaks and ends lines with CRLF", () => {
    expect(csvLines([["a,b", 'say "hi"', "two\nlines"]])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
    expect(csvLines([])).toBe("");
  });
});

describe("every CSV export neutralises formula cells", () => {
  it("the Jira CSV: assignee, summary and notes", () => {
    for (const formula of FORMULAS) {
      const row = jiraRowForPlanItem(
        samplePlanItem({ action: formula, ownerEmail: formula, notes: formula }),
        {
          team: { slug: "checkout", name: formula, orgUnitName: formula },
          cycleName: "2026 Q3",
          pitfallBand: null,
        },
      );
      expectNoFormula(toJiraCsv([row]));
      expectNoFormula(jiraCsvLines([row]));
    }
    const assignee = cells(
      jiraCsvLines([
        jiraRowForPlanItem(samplePlanItem({ ownerEmail: "-2+3" }), {
          team: { slug: "checkout", name: "Checkout", orgUnitName: "Payments" },
          cycleName: "2026 Q3",
          pitfallBand: null,
        }),
      ]),
    )[0]![5];
    expect(assignee).toBe("'-2+3");
  });

  it("the heatmap CSV: org unit, team and cycle names", () => {
    for (const formula of FORMULAS) {
      const heatmap = buildHeatmap(
        {
          units: [{ id: "u", name: formula, slug: "unit" }],
          teams: [{ id: "t", name: formula, slug: "team", orgUnitId: "u" }],
          current: [],
          previous: [],
          results: [],
          previousCycleName: null,
        },
        parseHeatmapQuery({}),
      );
      const teams = heatmap.groups.flatMap((group) =>
        group.rows.map((row) => ({ orgUnitName: group.name, row })),
      );
      expect(teams).toHaveLength(1);
      expectNoFormula(heatmapCsvHeader() + heatmapCsvLines(teams, formula));
    }
  });
});

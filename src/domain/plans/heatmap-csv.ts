/**
 * The organisation heatmap as CSV: one row per team, the team's headline (worst pitfall's band,
 * number of High or Critical pitfalls, the worst pitfall, the average as a secondary figure), then a
 * score and a band column per pitfall, for one cycle. Built to be written in chunks (header first,
 * then batches of rows), so a large organisation streams out instead of being held in memory.
 */
import { csvLines } from "../csv/csv-writer";
import { PITFALL_IDS } from "../content/schema";
import { bandName, decodeRiskBand } from "../scoring/bands";
import { formatScore } from "../format";
import { pitfallName } from "./stored-rankings";
import { teamHeadline } from "../results/headline";

export interface HeatmapPitfallResult {
  pitfallId: string;
  status: string;
  score: number | null;
  band: string | null;
}

export interface HeatmapTeamRow {
  orgUnitName: string;
  teamName: string;
  teamSlug: string;
  /** The team's submitted assessment in the cycle, or null when it has none. */
  assessment: {
    results: readonly HeatmapPitfallResult[];
  } | null;
}

/** The headline leads, never the average alone: see domain/results/headline. */
const HEADLINE_COLUMNS = [
  "Overall band (worst pitfall)",
  "High or Critical pitfalls",
  "Worst pitfall",
  "Worst pitfall score",
  "Average score",
] as const;

export function heatmapCsvColumns(): string[] {
  const columns = ["Org unit", "Team", "Team slug", "Cycle", "Status", ...HEADLINE_COLUMNS];
  for (const pitfallId of PITFALL_IDS) {
    const name = pitfallName(pitfallId);
    columns.push(`${name} score`, `${name} band`);
  }
  return columns;
}

function bandLabel(band: string | null): string {
  const decoded = decodeRiskBand(band);
  return decoded ? bandName(decoded) : "";
}

function resultCells(result: HeatmapPitfallResult | undefined): [string, string] {
  if (!result) return ["", ""];
  if (result.status === "not-assessed") return ["", "Not assessed"];
  if (result.status === "insufficient-evidence") return ["", "Insufficient evidence"];
  return [result.score === null ? "" : formatScore(result.score), bandLabel(result.band)];
}

export function heatmapCsvRow(row: HeatmapTeamRow, cycleName: string): string[] {
  const cells = [row.orgUnitName, row.teamName, row.teamSlug, cycleName];
  if (!row.assessment) {
    cells.push("Not submitted", ...HEADLINE_COLUMNS.map(() => ""));
  } else {
    const headline = teamHeadline(row.assessment.results);
    cells.push(
      "Submitted",
      headline.worstBand === null ? "Not scored" : bandLabel(headline.worstBand),
      headline.worstBand === null ? "" : String(headline.highOrCriticalCount),
      headline.worstPitfalls[0] ? pitfallName(headline.worstPitfalls[0]) : "",
      headline.worstScore === null ? "" : formatScore(headline.worstScore),
      headline.averageScore === null ? "" : formatScore(headline.averageScore),
    );
  }
  const byPitfall = new Map(row.assessment?.results.map((result) => [result.pitfallId, result]) ?? []);
  for (const pitfallId of PITFALL_IDS) cells.push(...resultCells(byPitfall.get(pitfallId)));
  return cells;
}

/** Names come from people; the shared writer keeps a leading =, +, -, @, tab or CR from running as a formula. */
export function heatmapCsvHeader(): string {
  return csvLines([heatmapCsvColumns()]);
}

export function heatmapCsvLines(rows: readonly HeatmapTeamRow[], cycleName: string): string {
  return csvLines(rows.map((row) => heatmapCsvRow(row, cycleName)));
}

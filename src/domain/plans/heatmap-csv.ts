/**
 * The organisation heatmap as CSV: one row per team of the view, in the view's order, with the
 * team's completion in the cycle, the team's headline (worst pitfall's band, number of High or
 * Critical pitfalls, the worst pitfall, the average as a secondary figure), then a score and a
 * band column per pitfall. A team without results in the cycle shows its last result from an
 * earlier cycle, as the heatmap does, and "Results from" names that cycle. Built to be written in
 * chunks (header first, then batches of rows), so a large organisation streams out.
 */
import { csvLines } from "../csv/csv-writer";
import { PITFALL_IDS } from "../content/schema";
import type { HeatmapCell, HeatmapTeamRow } from "../dashboards/heatmap";
import { COMPLETION_LABELS, type HeatmapColumn } from "../dashboards/heatmap-columns";
import { NO_PITFALL_SHOWS_SYMPTOMS, type TeamHeadline } from "../results/headline";
import { bandName, type RiskBand } from "../scoring/bands";
import { formatScore } from "../format";
import { pitfallName } from "./stored-rankings";

/** A team row of the heatmap with the name of its org unit. */
export interface HeatmapCsvTeam {
  orgUnitName: string;
  row: HeatmapTeamRow;
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
  const columns = [
    "Org unit",
    "Team",
    "Team slug",
    "Cycle",
    "Completion",
    "Results from",
    ...HEADLINE_COLUMNS,
  ];
  for (const pitfallId of PITFALL_IDS) {
    const name = pitfallName(pitfallId);
    columns.push(`${name} score`, `${name} band`);
  }
  return columns;
}

const bandLabel = (band: RiskBand | null) => (band ? bandName(band) : "");

/** One decimal, as the heatmap shows it ("92.0"); empty for no score. */
const scoreCell = (score: number | null) => (score === null ? "" : formatScore(score));

function resultCells(cell: HeatmapCell | undefined): [string, string] {
  if (!cell || cell.status === "no-result") return ["", ""];
  if (cell.status === "not-assessed") return ["", "Not assessed"];
  if (cell.status === "insufficient-evidence") return ["", "Insufficient evidence"];
  return [scoreCell(cell.score), bandLabel(cell.band)];
}

function headlineCells(headline: TeamHeadline): string[] {
  if (headline.worstBand === null) return ["Not scored", "", "", "", ""];
  return [
    bandLabel(headline.worstBand),
    String(headline.highOrCriticalCount),
    // No pitfall shows symptoms: none is named, and the column says so rather than stay blank.
    headline.worstPitfalls[0] ? pitfallName(headline.worstPitfalls[0]) : NO_PITFALL_SHOWS_SYMPTOMS,
    scoreCell(headline.worstScore),
    scoreCell(headline.averageScore),
  ];
}

/**
 * The figures a row shows and the cycle they come from: the cycle's own results (a reopened
 * assessment's last submitted ones included), else the team's last result from an earlier cycle.
 */
function figuresOf(
  row: HeatmapTeamRow,
  cycleName: string,
): { from: string; headline: TeamHeadline; cells: Record<HeatmapColumn, HeatmapCell> } | null {
  if (row.headline) return { from: cycleName, headline: row.headline, cells: row.cells };
  if (row.lastResult)
    return { from: row.lastResult.cycleName, headline: row.lastResult.headline, cells: row.lastResult.cells };
  return null;
}

export function heatmapCsvRow(team: HeatmapCsvTeam, cycleName: string): string[] {
  const { row } = team;
  const figures = figuresOf(row, cycleName);
  const cells = [team.orgUnitName, row.name, row.slug, cycleName, COMPLETION_LABELS[row.completion]];
  if (!figures) cells.push("", ...HEADLINE_COLUMNS.map(() => ""));
  else cells.push(figures.from, ...headlineCells(figures.headline));
  for (const pitfallId of PITFALL_IDS) cells.push(...resultCells(figures?.cells[pitfallId]));
  return cells;
}

/** Names come from people; the shared writer keeps a leading =, +, -, @, tab or CR from running as a formula. */
export function heatmapCsvHeader(): string {
  return csvLines([heatmapCsvColumns()]);
}

export function heatmapCsvLines(teams: readonly HeatmapCsvTeam[], cycleName: string): string {
  return csvLines(teams.map((team) => heatmapCsvRow(team, cycleName)));
}

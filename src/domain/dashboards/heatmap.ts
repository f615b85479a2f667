/**
 * The organisation heatmap: teams × pitfalls for one cycle, grouped by org unit, with the unit's
 * average per column, trend arrows against the previous cycle and each team's completion status.
 * Pure: the server reads the rows, this assembles, filters and sorts them.
 */
import { z } from "zod";
import { PITFALL_IDS, type PitfallId } from "../content/schema";
import { bandForScore, RISK_BANDS, type RiskBand } from "../scoring/bands";
import {
  asBand,
  asPitfallStatus,
  isSubmitted,
  resultsByAssessment,
  type AssessmentRow,
  type OrgUnitRow,
  type PitfallResultRow,
  type TeamRow,
} from "./stored-rows";
import { scoreTrend, type Trend } from "./trend";

export const HEATMAP_COLUMNS = [...PITFALL_IDS, "overall"] as const;
export type HeatmapColumn = (typeof HEATMAP_COLUMNS)[number];

export const HEATMAP_SORT_KEYS = ["team", "completion", ...HEATMAP_COLUMNS] as const;
export type HeatmapSortKey = (typeof HEATMAP_SORT_KEYS)[number];

/** "At least this band in any pitfall or overall"; "any" shows every team. */
export const BAND_FILTERS = ["any", "medium", "high", "critical"] as const;
export type BandFilter = (typeof BAND_FILTERS)[number];

export const COMPLETION_STATUSES = ["not-started", "draft", "submitted"] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];
export const COMPLETION_FILTERS = ["any", ...COMPLETION_STATUSES] as const;
export type CompletionFilter = (typeof COMPLETION_FILTERS)[number];

export const COMPLETION_LABELS: Record<CompletionStatus, string> = {
  "not-started": "Not started",
  draft: "Draft",
  submitted: "Submitted",
};

export type SortDirection = "asc" | "desc";

/** Search params arrive as strings (or repeated strings); anything unusable falls back to the default. */
const firstString = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z.string().trim().optional(),
);

export const heatmapQuerySchema = z.object({
  cycle: firstString.catch(undefined),
  unit: firstString
    .pipe(
      z
        .string()
        .regex(/^[a-z0-9-]{1,100}$/)
        .optional(),
    )
    .catch(undefined),
  band: firstString.pipe(z.enum(BAND_FILTERS).default("any")).catch("any"),
  completion: firstString.pipe(z.enum(COMPLETION_FILTERS).default("any")).catch("any"),
  sort: firstString.pipe(z.enum(HEATMAP_SORT_KEYS).default("team")).catch("team"),
  dir: firstString.pipe(z.enum(["asc", "desc"]).optional()).catch(undefined),
});

export interface HeatmapQuery {
  /** Cycle key such as "2026-q4"; undefined means the most recent cycle. */
  cycle: string | undefined;
  /** Org unit slug; undefined means every unit the viewer may read. */
  unit: string | undefined;
  band: BandFilter;
  completion: CompletionFilter;
  sort: HeatmapSortKey;
  dir: SortDirection;
}

/** Team names read A→Z by default; score columns riskiest first. */
export function defaultDirection(sort: HeatmapSortKey): SortDirection {
  return sort === "team" || sort === "completion" ? "asc" : "desc";
}

export function parseHeatmapQuery(searchParams: Record<string, string | string[] | undefined>): HeatmapQuery {
  const parsed = heatmapQuerySchema.parse(searchParams);
  return {
    cycle: parsed.cycle || undefined,
    unit: parsed.unit || undefined,
    band: parsed.band,
    completion: parsed.completion,
    sort: parsed.sort,
    dir: parsed.dir ?? defaultDirection(parsed.sort),
  };
}

/** The query string for a heatmap state, leaving out defaults so URLs stay short. */
export function heatmapSearch(query: HeatmapQuery): string {
  const params = new URLSearchParams();
  if (query.cycle) params.set("cycle", query.cycle);
  if (query.unit) params.set("unit", query.unit);
  if (query.band !== "any") params.set("band", query.band);
  if (query.completion !== "any") params.set("completion", query.completion);
  if (query.sort !== "team") params.set("sort", query.sort);
  if (query.dir !== defaultDirection(query.sort)) params.set("dir", query.dir);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The state a column header's sort link leads to: the same column flips direction, another starts at its default. */
export function sortToggle(query: HeatmapQuery, sort: HeatmapSortKey): HeatmapQuery {
  if (query.sort === sort) return { ...query, dir: query.dir === "asc" ? "desc" : "asc" };
  return { ...query, sort, dir: defaultDirection(sort) };
}

export type CellStatus = "scored" | "not-assessed" | "insufficient-evidence" | "no-result";

export interface HeatmapCell {
  score: number | null;
  band: RiskBand | null;
  status: CellStatus;
  trend: Trend | null;
}

export interface HeatmapTeamRow {
  teamId: string;
  name: string;
  slug: string;
  orgUnitId: string;
  completion: CompletionStatus;
  cells: Record<HeatmapColumn, HeatmapCell>;
}

export interface UnitAverage {
  /** Mean of the unit's scored teams, one decimal; null when none is scored. */
  score: number | null;
  band: RiskBand | null;
  /** Teams the average is taken over. */
  scoredTeams: number;
  trend: Trend | null;
}

export interface HeatmapUnitGroup {
  orgUnitId: string;
  name: string;
  slug: string;
  /** Teams of the unit the viewer may read, before filters. */
  teamCount: number;
  completion: Record<CompletionStatus, number>;
  /** Over every readable team of the unit in the cycle, not only the rows the filters leave. */
  averages: Record<HeatmapColumn, UnitAverage>;
  /** Filtered and sorted. */
  rows: HeatmapTeamRow[];
}

export interface HeatmapTotals {
  teams: number;
  shownTeams: number;
  completion: Record<CompletionStatus, number>;
}

export interface Heatmap {
  groups: HeatmapUnitGroup[];
  totals: HeatmapTotals;
}

export interface HeatmapInput {
  units: readonly OrgUnitRow[];
  teams: readonly TeamRow[];
  /** Assessments of the selected cycle. */
  current: readonly AssessmentRow[];
  /** Assessments of the cycle before it (empty when there is none). */
  previous: readonly AssessmentRow[];
  /** Stored results of the submitted assessments of both cycles (scalar columns only). */
  results: readonly PitfallResultRow[];
  previousCycleName: string | null;
}

const NO_RESULT: HeatmapCell = { score: null, band: null, status: "no-result", trend: null };

function completionOf(assessment: AssessmentRow | undefined): CompletionStatus {
  if (!assessment) return "not-started";
  return isSubmitted(assessment) ? "submitted" : "draft";
}

type ColumnScore = { score: number | null; band: RiskBand | null; status: CellStatus };

const COLUMN_INDEX = new Map<string, number>(HEATMAP_COLUMNS.map((column, index) => [column, index]));
const OVERALL_INDEX = HEATMAP_COLUMNS.indexOf("overall");

/**
 * Column scores of one submitted assessment, in HEATMAP_COLUMNS order: the seven pitfalls plus the
 * stored overall figure. Arrays rather than maps: this runs for every team twice per page view.
 */
function columnScores(
  assessment: AssessmentRow | undefined,
  results: ReadonlyMap<string, PitfallResultRow[]>,
): (ColumnScore | undefined)[] | null {
  if (!assessment || !isSubmitted(assessment)) return null;
  const columns = new Array<ColumnScore | undefined>(HEATMAP_COLUMNS.length);
  for (const row of results.get(assessment.id) ?? []) {
    const index = COLUMN_INDEX.get(row.pitfallId);
    if (index === undefined || index === OVERALL_INDEX) continue;
    const status = asPitfallStatus(row.status) ?? "no-result";
    const band = asBand(row.band);
    const scored = status === "scored" && row.score !== null && band !== null;
    columns[index] = {
      score: scored ? row.score : null,
      band: scored ? band : null,
      status: scored ? "scored" : status === "scored" ? "insufficient-evidence" : status,
    };
  }
  const overallBand = asBand(assessment.overallBand);
  columns[OVERALL_INDEX] =
    assessment.overallScore !== null && overallBand !== null
      ? { score: assessment.overallScore, band: overallBand, status: "scored" }
      : { score: null, band: null, status: "insufficient-evidence" };
  return columns;
}

function emptyCompletion(): Record<CompletionStatus, number> {
  return { "not-started": 0, draft: 0, submitted: 0 };
}

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return Math.round((sum / values.length) * 10) / 10;
}

export function buildHeatmap(input: HeatmapInput, query: HeatmapQuery): Heatmap {
  const results = resultsByAssessment(input.results);
  const currentByTeam = new Map(input.current.map((assessment) => [assessment.teamId, assessment]));
  const previousByTeam = new Map(input.previous.map((assessment) => [assessment.teamId, assessment]));
  const teamsByUnit = new Map<string, TeamRow[]>();
  for (const team of input.teams) {
    let list = teamsByUnit.get(team.orgUnitId);
    if (!list) teamsByUnit.set(team.orgUnitId, (list = []));
    list.push(team);
  }

  const totals: HeatmapTotals = { teams: 0, shownTeams: 0, completion: emptyCompletion() };
  const groups: HeatmapUnitGroup[] = [];
  for (const unit of input.units) {
    const unitTeams = teamsByUnit.get(unit.id);
    if (!unitTeams?.length) continue;
    const completion = emptyCompletion();
    const currentScores: number[][] = HEATMAP_COLUMNS.map(() => []);
    const previousScores: number[][] = HEATMAP_COLUMNS.map(() => []);
    const rows: HeatmapTeamRow[] = [];

    for (const team of unitTeams) {
      const assessment = currentByTeam.get(team.id);
      const status = completionOf(assessment);
      completion[status]++;
      const now = columnScores(assessment, results);
      const before = columnScores(previousByTeam.get(team.id), results);
      const cells = {} as Record<HeatmapColumn, HeatmapCell>;
      for (const [index, column] of HEATMAP_COLUMNS.entries()) {
        const cell = now?.[index];
        const earlier = before?.[index];
        if (earlier?.score != null) previousScores[index]!.push(earlier.score);
        if (!cell) {
          cells[column] = NO_RESULT;
          continue;
        }
        if (cell.score !== null) currentScores[index]!.push(cell.score);
        cells[column] = {
          ...cell,
          trend: scoreTrend(cell.score, earlier?.score ?? null, input.previousCycleName),
        };
      }
      rows.push({
        teamId: team.id,
        name: team.name,
        slug: team.slug,
        orgUnitId: unit.id,
        completion: status,
        cells,
      });
    }

    const averages = {} as Record<HeatmapColumn, UnitAverage>;
    for (const [index, column] of HEATMAP_COLUMNS.entries()) {
      const scores = currentScores[index]!;
      const score = average(scores);
      averages[column] = {
        score,
        band: score === null ? null : bandForScore(score),
        scoredTeams: scores.length,
        trend: scoreTrend(score, average(previousScores[index]!), input.previousCycleName),
      };
    }

    const shown = sortRows(
      rows.filter((row) => matchesFilters(row, query)),
      query.sort,
      query.dir,
    );
    totals.teams += unitTeams.length;
    totals.shownTeams += shown.length;
    for (const status of COMPLETION_STATUSES) totals.completion[status] += completion[status];
    groups.push({
      orgUnitId: unit.id,
      name: unit.name,
      slug: unit.slug,
      teamCount: unitTeams.length,
      completion,
      averages,
      rows: shown,
    });
  }

  return { groups: sortGroups(groups, query.sort, query.dir), totals };
}

const BAND_RANK = new Map<RiskBand, number>(RISK_BANDS.map((band, index) => [band, index]));

/** The riskiest band among a row's pitfalls and overall figure, or null when nothing is scored. */
export function worstBand(row: HeatmapTeamRow): RiskBand | null {
  let worst: RiskBand | null = null;
  for (const column of HEATMAP_COLUMNS) {
    const band = row.cells[column].band;
    if (band !== null && (worst === null || BAND_RANK.get(band)! > BAND_RANK.get(worst)!)) worst = band;
  }
  return worst;
}

export function matchesFilters(
  row: HeatmapTeamRow,
  query: Pick<HeatmapQuery, "band" | "completion">,
): boolean {
  if (query.completion !== "any" && row.completion !== query.completion) return false;
  if (query.band === "any") return true;
  const worst = worstBand(row);
  return worst !== null && BAND_RANK.get(worst)! >= BAND_RANK.get(query.band)!;
}

const COMPLETION_RANK: Record<CompletionStatus, number> = { "not-started": 0, draft: 1, submitted: 2 };
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function compareNullableNumbers(a: number | null, b: number | null, direction: SortDirection): number {
  // Missing scores sort last in both directions: they are never the most or least risky.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return direction === "asc" ? a - b : b - a;
}

/** Sorts team rows by one column; ties fall back to team name so the order is stable. */
export function sortRows(
  rows: readonly HeatmapTeamRow[],
  sort: HeatmapSortKey,
  direction: SortDirection,
): HeatmapTeamRow[] {
  const byName = (a: HeatmapTeamRow, b: HeatmapTeamRow) => collator.compare(a.name, b.name);
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort === "team") return sign * byName(a, b);
    if (sort === "completion") {
      return sign * (COMPLETION_RANK[a.completion] - COMPLETION_RANK[b.completion]) || byName(a, b);
    }
    return compareNullableNumbers(a.cells[sort].score, b.cells[sort].score, direction) || byName(a, b);
  });
}

/**
 * Units follow the sort too: by name for the team and completion columns, by the unit average for a
 * score column, so sorting by a pitfall brings the riskiest unit (and its riskiest teams) to the top.
 */
export function sortGroups(
  groups: readonly HeatmapUnitGroup[],
  sort: HeatmapSortKey,
  direction: SortDirection,
): HeatmapUnitGroup[] {
  const byName = (a: HeatmapUnitGroup, b: HeatmapUnitGroup) => collator.compare(a.name, b.name);
  return [...groups].sort((a, b) => {
    if (sort === "team") return (direction === "asc" ? 1 : -1) * byName(a, b);
    if (sort === "completion") return byName(a, b);
    return compareNullableNumbers(a.averages[sort].score, b.averages[sort].score, direction) || byName(a, b);
  });
}

export function isPitfallColumn(column: HeatmapColumn): column is PitfallId {
  return column !== "overall";
}

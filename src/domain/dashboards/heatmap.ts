/**
 * The organisation heatmap: teams × pitfalls for one cycle, grouped by org unit, with the unit's
 * average per column, trend arrows against the previous cycle and each team's completion status.
 * The Overall column is the team's headline (see results/headline): the worst pitfall's band and the
 * number of High or Critical pitfalls lead, the average is secondary; sorting by it, which is the
 * default, puts riskier teams first by the same rule.
 * Pure: the server reads the rows, this assembles, filters and sorts them.
 */
import { z } from "zod";
import type { PitfallId } from "../content/schema";
import { bandForScore, decodeRiskBand, RISK_BANDS, type RiskBand } from "../scoring/bands";
import { decodePitfallStatus } from "../scoring/types";
import {
  bandRank,
  compareHeadlineRisk,
  NO_HEADLINE,
  teamHeadline,
  type TeamHeadline,
} from "../results/headline";
import {
  hasStoredResults,
  isPitfallId,
  isReopened,
  isSubmitted,
  resultsByAssessment,
  type AssessmentRow,
  type CycleComparisonRows,
  type LastResultRow,
  type PitfallResultRow,
  type TeamRow,
} from "./stored-rows";
import { scoreTrend, type Trend } from "./trend";
import {
  comparedTeamsText,
  COMPLETION_LABELS,
  COMPLETION_STATUSES,
  HEATMAP_COLUMNS,
  HEATMAP_DISPLAY_COLUMNS,
  type CompletionStatus,
  type HeatmapColumn,
} from "./heatmap-columns";

export { COMPLETION_LABELS, COMPLETION_STATUSES, HEATMAP_COLUMNS, HEATMAP_DISPLAY_COLUMNS };
export type { CompletionStatus, HeatmapColumn };

export const HEATMAP_SORT_KEYS = ["team", "completion", ...HEATMAP_COLUMNS] as const;
export type HeatmapSortKey = (typeof HEATMAP_SORT_KEYS)[number];

/** "At least this band in any pitfall or overall"; "any" shows every team. */
export const BAND_FILTERS = ["any", "medium", "high", "critical"] as const;
export type BandFilter = (typeof BAND_FILTERS)[number];

export const COMPLETION_FILTERS = ["any", ...COMPLETION_STATUSES] as const;
export type CompletionFilter = (typeof COMPLETION_FILTERS)[number];

/** "split": only teams whose individual answers were split on at least one question. */
export const AGREEMENT_FILTERS = ["any", "split"] as const;
export type AgreementFilter = (typeof AGREEMENT_FILTERS)[number];

export type SortDirection = "asc" | "desc";

/** Riskier teams first, by their headline: where a head of engineering looks first. */
export const DEFAULT_SORT: HeatmapSortKey = "overall";

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
  agreement: firstString.pipe(z.enum(AGREEMENT_FILTERS).default("any")).catch("any"),
  sort: firstString.pipe(z.enum(HEATMAP_SORT_KEYS).default(DEFAULT_SORT)).catch(DEFAULT_SORT),
  dir: firstString.pipe(z.enum(["asc", "desc"]).optional()).catch(undefined),
});

export interface HeatmapQuery {
  /** Cycle key such as "2026-q4"; undefined means the most recent cycle. */
  cycle: string | undefined;
  /** Org unit slug; undefined means every unit the viewer may read. */
  unit: string | undefined;
  band: BandFilter;
  completion: CompletionFilter;
  /** Optional so callers that never filter on it need not say so; absent means "any". */
  agreement?: AgreementFilter;
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
    agreement: parsed.agreement,
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
  if (query.agreement === "split") params.set("agreement", query.agreement);
  if (query.sort !== DEFAULT_SORT) params.set("sort", query.sort);
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
  /**
   * Questions the team's individual answers were split on: of this pitfall, or of every pitfall in
   * the Overall cell. 0 without individual answers.
   */
  split: number;
}

export interface HeatmapTeamRow {
  teamId: string;
  name: string;
  slug: string;
  orgUnitId: string;
  completion: CompletionStatus;
  /**
   * The Overall cell carries the headline's band (the worst pitfall's) and the average as its score;
   * `headline` has the rest. Null without stored results. A reopened assessment's cells show its
   * last submitted results (`completion` is "reopened").
   */
  cells: Record<HeatmapColumn, HeatmapCell>;
  headline: TeamHeadline | null;
  /**
   * For a team without results in this cycle: its last result from an earlier cycle, shown apart
   * (greyed and labelled with its cycle) and never counted in this cycle's figures, averages or
   * filters. Null when the team has results in this cycle or never had any.
   */
  lastResult: LastTeamResult | null;
}

/** A team's last result from an earlier cycle; its cells carry no trend. */
export interface LastTeamResult {
  cycleName: string;
  cells: Record<HeatmapColumn, HeatmapCell>;
  headline: TeamHeadline;
}

/** A unit's standing by the same rule, over its teams with a submitted result. */
export interface UnitHeadline {
  /** The worst headline band among the unit's teams; null when none is scored. */
  worstBand: RiskBand | null;
  /** Teams whose headline is High or Critical. */
  highOrCriticalTeams: number;
  /** The highest worst-pitfall score among the teams at the worst band. */
  worstScore: number | null;
  /** Mean of the teams' averages, one decimal: secondary. */
  averageScore: number | null;
  scoredTeams: number;
}

export interface UnitAverage {
  /** Mean of the unit's scored teams, one decimal; null when none is scored. */
  score: number | null;
  band: RiskBand | null;
  /** Teams the average is taken over. */
  scoredTeams: number;
  /**
   * The change since the previous cycle over the teams with a result in both cycles only (its text
   * says so): comparing all of this cycle's teams with all of the last one's would report a move
   * that is only a change in who submitted.
   */
  trend: Trend | null;
  /** Teams the trend is taken over: those scored in both cycles. 0 without a trend. */
  comparedTeams: number;
}

function withComparedTeams(trend: Trend | null, teams: number): Trend | null {
  return trend ? { ...trend, text: `${trend.text}, ${comparedTeamsText(teams)}` } : null;
}

export interface HeatmapUnitGroup {
  orgUnitId: string;
  name: string;
  slug: string;
  /** Teams of the unit the viewer may read, before filters. */
  teamCount: number;
  completion: Record<CompletionStatus, number>;
  /**
   * Over every readable team of the unit in the cycle, not only the rows the filters leave. The
   * Overall entry's band is the unit headline's worst band; its score the mean of the teams' averages.
   */
  averages: Record<HeatmapColumn, UnitAverage>;
  headline: UnitHeadline;
  /** Filtered and sorted. */
  rows: HeatmapTeamRow[];
}

export interface HeatmapTotals {
  teams: number;
  shownTeams: number;
  /** Shown teams without a result in the cycle that show their last result from an earlier one. */
  withLastResult: number;
  completion: Record<CompletionStatus, number>;
}

export interface Heatmap {
  groups: HeatmapUnitGroup[];
  totals: HeatmapTotals;
}

export type HeatmapInput = CycleComparisonRows;

const NO_RESULT: HeatmapCell = { score: null, band: null, status: "no-result", trend: null, split: 0 };

function completionOf(assessment: AssessmentRow | undefined): CompletionStatus {
  if (!assessment) return "not-started";
  if (isSubmitted(assessment)) return "submitted";
  return isReopened(assessment) ? "reopened" : "draft";
}

type ColumnScore = { score: number | null; band: RiskBand | null; status: CellStatus; split: number };

const COLUMN_INDEX = new Map<string, number>(HEATMAP_COLUMNS.map((column, index) => [column, index]));
const OVERALL_INDEX = HEATMAP_COLUMNS.indexOf("overall");

interface TeamColumns {
  columns: (ColumnScore | undefined)[];
  headline: TeamHeadline;
}

/**
 * Column scores of one assessment with stored results (submitted, or reopened with its last
 * submitted results), in HEATMAP_COLUMNS order: the seven pitfalls plus the
 * headline computed from the stored results (the stored overall column holds the average alone,
 * which is not what the Overall column shows). Arrays rather than maps: this runs for every team
 * twice per page view.
 */
function columnScores(
  assessment: AssessmentRow | undefined,
  results: ReadonlyMap<string, PitfallResultRow[]>,
): TeamColumns | null {
  if (!assessment || !hasStoredResults(assessment)) return null;
  const columns = new Array<ColumnScore | undefined>(HEATMAP_COLUMNS.length);
  const rows = results.get(assessment.id) ?? [];
  let split = 0;
  for (const row of rows) {
    const index = COLUMN_INDEX.get(row.pitfallId);
    if (index === undefined || index === OVERALL_INDEX) continue;
    const status = decodePitfallStatus(row.status) ?? "no-result";
    const band = decodeRiskBand(row.band);
    const scored = status === "scored" && row.score !== null && band !== null;
    const rowSplit = row.splitQuestions ?? 0;
    split += rowSplit;
    columns[index] = {
      score: scored ? row.score : null,
      band: scored ? band : null,
      status: scored ? "scored" : status === "scored" ? "insufficient-evidence" : status,
      split: rowSplit,
    };
  }
  const headline = teamHeadline(rows.filter((row) => isPitfallId(row.pitfallId)));
  columns[OVERALL_INDEX] =
    headline.worstBand !== null
      ? { score: headline.averageScore, band: headline.worstBand, status: "scored", split }
      : { score: null, band: null, status: "insufficient-evidence", split };
  return { columns, headline };
}

/**
 * The Overall column's change since the previous cycle follows the headline order, not the average:
 * `change` is +1 when the team now ranks riskier, -1 when less risky, 0 when level.
 */
export function headlineTrend(
  now: TeamHeadline | UnitHeadline | null,
  before: TeamHeadline | UnitHeadline | null,
  since: string | null,
): Trend | null {
  if (!now || !before || since === null || now.worstBand === null || before.worstBand === null) return null;
  const change = -Math.sign(compareRisk(now, before));
  if (change === 0) return { direction: "steady", change: 0, since, text: `unchanged since ${since}` };
  return change > 0
    ? { direction: "up", change, since, text: `riskier than in ${since}` }
    : { direction: "down", change, since, text: `less risky than in ${since}` };
}

function isUnitHeadline(value: TeamHeadline | UnitHeadline): value is UnitHeadline {
  return "highOrCriticalTeams" in value;
}

/** Riskier first for teams (by their headline) and units (by theirs); negative when `a` is riskier. */
function compareRisk(a: TeamHeadline | UnitHeadline, b: TeamHeadline | UnitHeadline): number {
  if (!isUnitHeadline(a) || !isUnitHeadline(b))
    return compareHeadlineRisk(a as TeamHeadline, b as TeamHeadline);
  return compareUnitHeadlines(a, b);
}

/** Units riskier first: worst team band, teams at High or Critical, worst score, then the average. */
export function compareUnitHeadlines(a: UnitHeadline, b: UnitHeadline): number {
  const keyOf = (unit: UnitHeadline) =>
    unit.worstBand === null
      ? null
      : [bandRank(unit.worstBand), unit.highOrCriticalTeams, unit.worstScore ?? 0, unit.averageScore ?? 0];
  const keyA = keyOf(a);
  const keyB = keyOf(b);
  if (keyA === null || keyB === null) return keyA === keyB ? 0 : keyA === null ? 1 : -1;
  for (let index = 0; index < keyA.length; index++) {
    const difference = keyB[index]! - keyA[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A unit's headline from its teams' headlines (teams without a submitted result left out). */
export function unitHeadline(headlines: readonly TeamHeadline[]): UnitHeadline {
  let worst: TeamHeadline | null = null;
  let highOrCriticalTeams = 0;
  let scoredTeams = 0;
  let sum = 0;
  for (const headline of headlines) {
    if (headline.worstBand === null || headline.averageScore === null) continue;
    scoredTeams++;
    sum += headline.averageScore;
    if (headline.worstBand === "high" || headline.worstBand === "critical") highOrCriticalTeams++;
    if (
      worst === null ||
      bandRank(headline.worstBand) > bandRank(worst.worstBand!) ||
      (headline.worstBand === worst.worstBand && headline.topScore! > worst.topScore!)
    )
      worst = headline;
  }
  return {
    worstBand: worst?.worstBand ?? null,
    highOrCriticalTeams,
    // A figure, naming no pitfall: the top score at the worst band, whether or not one is named.
    worstScore: worst?.topScore ?? null,
    averageScore: scoredTeams === 0 ? null : Math.round((sum / scoredTeams) * 10) / 10,
    scoredTeams,
  };
}

function lastTeamResult(
  assessment: LastResultRow | undefined,
  results: ReadonlyMap<string, PitfallResultRow[]>,
): LastTeamResult | null {
  const scores = columnScores(assessment, results);
  if (!assessment || !scores) return null;
  const cells = {} as Record<HeatmapColumn, HeatmapCell>;
  for (const [index, column] of HEATMAP_COLUMNS.entries()) {
    const cell = scores.columns[index];
    cells[column] = cell ? { ...cell, trend: null } : NO_RESULT;
  }
  return { cycleName: assessment.cycleName, cells, headline: scores.headline };
}

function emptyCompletion(): Record<CompletionStatus, number> {
  return { "not-started": 0, draft: 0, reopened: 0, submitted: 0 };
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
  const lastByTeam = new Map((input.lastResults ?? []).map((assessment) => [assessment.teamId, assessment]));
  const teamsByUnit = new Map<string, TeamRow[]>();
  for (const team of input.teams) {
    let list = teamsByUnit.get(team.orgUnitId);
    if (!list) teamsByUnit.set(team.orgUnitId, (list = []));
    list.push(team);
  }

  const totals: HeatmapTotals = { teams: 0, shownTeams: 0, withLastResult: 0, completion: emptyCompletion() };
  const groups: HeatmapUnitGroup[] = [];
  for (const unit of input.units) {
    const unitTeams = teamsByUnit.get(unit.id);
    if (!unitTeams?.length) continue;
    const completion = emptyCompletion();
    const currentScores: number[][] = HEATMAP_COLUMNS.map(() => []);
    // The unit's trends compare like with like: the teams with a result in both cycles, each
    // scored in both (a team that has only one of the two would move the average by being there).
    const pairedNow: number[][] = HEATMAP_COLUMNS.map(() => []);
    const pairedBefore: number[][] = HEATMAP_COLUMNS.map(() => []);
    const rows: HeatmapTeamRow[] = [];
    const currentHeadlines: TeamHeadline[] = [];
    const pairedNowHeadlines: TeamHeadline[] = [];
    const pairedBeforeHeadlines: TeamHeadline[] = [];

    for (const team of unitTeams) {
      const assessment = currentByTeam.get(team.id);
      const status = completionOf(assessment);
      completion[status]++;
      const now = columnScores(assessment, results);
      const before = columnScores(previousByTeam.get(team.id), results);
      if (now) currentHeadlines.push(now.headline);
      if (now?.headline.worstBand != null && before?.headline.worstBand != null) {
        pairedNowHeadlines.push(now.headline);
        pairedBeforeHeadlines.push(before.headline);
      }
      const cells = {} as Record<HeatmapColumn, HeatmapCell>;
      for (const [index, column] of HEATMAP_COLUMNS.entries()) {
        const cell = now?.columns[index];
        const earlier = before?.columns[index];
        if (cell?.score != null && earlier?.score != null) {
          pairedNow[index]!.push(cell.score);
          pairedBefore[index]!.push(earlier.score);
        }
        if (!cell) {
          cells[column] = NO_RESULT;
          continue;
        }
        if (cell.score !== null) currentScores[index]!.push(cell.score);
        cells[column] = {
          ...cell,
          trend:
            index === OVERALL_INDEX
              ? headlineTrend(now!.headline, before?.headline ?? null, input.previousCycleName)
              : scoreTrend(cell.score, earlier?.score ?? null, input.previousCycleName),
        };
      }
      rows.push({
        teamId: team.id,
        name: team.name,
        slug: team.slug,
        orgUnitId: unit.id,
        completion: status,
        cells,
        headline: now?.headline ?? null,
        lastResult: now ? null : lastTeamResult(lastByTeam.get(team.id), results),
      });
    }

    const headline = unitHeadline(currentHeadlines);

    const averages = {} as Record<HeatmapColumn, UnitAverage>;
    for (const [index, column] of HEATMAP_COLUMNS.entries()) {
      const scores = currentScores[index]!;
      const score = average(scores);
      const compared = index === OVERALL_INDEX ? pairedNowHeadlines.length : pairedNow[index]!.length;
      const trend =
        index === OVERALL_INDEX
          ? headlineTrend(
              unitHeadline(pairedNowHeadlines),
              unitHeadline(pairedBeforeHeadlines),
              input.previousCycleName,
            )
          : scoreTrend(average(pairedNow[index]!), average(pairedBefore[index]!), input.previousCycleName);
      averages[column] = {
        ...(index === OVERALL_INDEX
          ? { score: headline.averageScore, band: headline.worstBand, scoredTeams: headline.scoredTeams }
          : { score, band: score === null ? null : bandForScore(score), scoredTeams: scores.length }),
        trend: withComparedTeams(trend, compared),
        comparedTeams: trend ? compared : 0,
      };
    }

    const shown = sortRows(
      rows.filter((row) => matchesFilters(row, query)),
      query.sort,
      query.dir,
    );
    totals.teams += unitTeams.length;
    totals.shownTeams += shown.length;
    totals.withLastResult += shown.filter((row) => row.lastResult !== null).length;
    for (const status of COMPLETION_STATUSES) totals.completion[status] += completion[status];
    groups.push({
      orgUnitId: unit.id,
      name: unit.name,
      slug: unit.slug,
      teamCount: unitTeams.length,
      completion,
      averages,
      headline,
      rows: shown,
    });
  }

  return { groups: sortGroups(groups, query.sort, query.dir), totals };
}

const BAND_RANK = new Map<RiskBand, number>(RISK_BANDS.map((band, index) => [band, index]));

/** The riskiest band among a row's pitfalls (the Overall cell holds the same), or null when nothing is scored. */
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
  query: Pick<HeatmapQuery, "band" | "completion" | "agreement">,
): boolean {
  if (query.completion !== "any" && row.completion !== query.completion) return false;
  if (query.agreement === "split" && row.cells.overall.split === 0) return false;
  if (query.band === "any") return true;
  const worst = worstBand(row);
  return worst !== null && BAND_RANK.get(worst)! >= BAND_RANK.get(query.band)!;
}

const COMPLETION_RANK: Record<CompletionStatus, number> = {
  "not-started": 0,
  draft: 1,
  reopened: 2,
  submitted: 3,
};
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function compareNullableNumbers(a: number | null, b: number | null, direction: SortDirection): number {
  // Missing scores sort last in both directions: they are never the most or least risky.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return direction === "asc" ? a - b : b - a;
}

/**
 * Sorts team rows by one column; ties fall back to team name so the order is stable. The Overall
 * column sorts by the headline (riskier first when descending); teams without any result stay last.
 *
 * A team without a result in this cycle sorts by its last earlier result, if it has one: while a
 * cycle is open most teams have not submitted, and a team Critical last quarter sinking below every
 * team that did would hide it exactly where a head of engineering looks first. Its row says which
 * cycle the figures come from; on a tie, this cycle's result comes first.
 */
export function sortRows(
  rows: readonly HeatmapTeamRow[],
  sort: HeatmapSortKey,
  direction: SortDirection,
): HeatmapTeamRow[] {
  const byName = (a: HeatmapTeamRow, b: HeatmapTeamRow) => collator.compare(a.name, b.name);
  const sign = direction === "asc" ? 1 : -1;
  const currentFirst = (a: HeatmapTeamRow, b: HeatmapTeamRow) =>
    Number(a.lastResult !== null) - Number(b.lastResult !== null);
  return [...rows].sort((a, b) => {
    if (sort === "team") return sign * byName(a, b);
    if (sort === "completion") {
      return sign * (COMPLETION_RANK[a.completion] - COMPLETION_RANK[b.completion]) || byName(a, b);
    }
    if (sort === "overall")
      return (
        compareHeadlines(sortHeadline(a), sortHeadline(b), direction) || currentFirst(a, b) || byName(a, b)
      );
    return (
      compareNullableNumbers(sortScore(a, sort), sortScore(b, sort), direction) ||
      currentFirst(a, b) ||
      byName(a, b)
    );
  });
}

function sortHeadline(row: HeatmapTeamRow): TeamHeadline | null {
  return row.headline ?? row.lastResult?.headline ?? null;
}

function sortScore(row: HeatmapTeamRow, column: HeatmapColumn): number | null {
  return row.lastResult ? row.lastResult.cells[column].score : row.cells[column].score;
}

function compareHeadlines(a: TeamHeadline | null, b: TeamHeadline | null, direction: SortDirection): number {
  const first = a ?? NO_HEADLINE;
  const second = b ?? NO_HEADLINE;
  // Unscored teams last in both directions, as for the other score columns.
  if (first.worstBand === null || second.worstBand === null) return compareHeadlineRisk(first, second);
  return direction === "desc" ? compareHeadlineRisk(first, second) : compareHeadlineRisk(second, first);
}

/**
 * Units follow the sort too: by name for the team and completion columns, by the unit average for a
 * pitfall column and by the unit headline for Overall, so the riskiest unit (and its riskiest teams)
 * comes to the top.
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
    if (sort === "overall") {
      const order =
        a.headline.worstBand === null || b.headline.worstBand === null || direction === "desc"
          ? compareUnitHeadlines(a.headline, b.headline)
          : compareUnitHeadlines(b.headline, a.headline);
      return order || byName(a, b);
    }
    return compareNullableNumbers(a.averages[sort].score, b.averages[sort].score, direction) || byName(a, b);
  });
}

export function isPitfallColumn(column: HeatmapColumn): column is PitfallId {
  return column !== "overall";
}

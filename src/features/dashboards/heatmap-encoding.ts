/**
 * The heatmap's rows travel to the browser as compact arrays rather than as a rendered element
 * tree: at 1,000 teams × 8 columns that is the difference between a few hundred kilobytes and
 * several megabytes of page payload. Only open units' rows travel at all (a closed unit's are fetched
 * when it is opened). Pure, so the server encodes and the client decodes the same way.
 */
import {
  COMPLETION_STATUSES,
  HEATMAP_COLUMNS,
  type CompletionStatus,
} from "@/domain/dashboards/heatmap-columns";
import type { HeatmapCell, HeatmapColumn, HeatmapUnitGroup, UnitAverage } from "@/domain/dashboards/heatmap";
import type { TeamHeadline } from "@/domain/results/headline";
import { PITFALL_IDS } from "@/domain/content/pitfall-ids";
import { RISK_BANDS, type RiskBand } from "@/domain/scoring/bands";

/**
 * 0: no submitted result; 1: not assessed; 2: not enough answers; otherwise [score, band index,
 * change or null], followed by the number of split questions when there are any. The Overall cell
 * adds [High-or-Critical pitfalls, worst score, worst pitfall index in PITFALL_IDS] before that
 * count; its band is the worst pitfall's, its score the average and its change the sign of the move
 * in the risk order. When no pitfall shows symptoms, the worst pitfall index is -1; when the named
 * pitfall is below the worst band, the count (0 or more) is followed by the named pitfall's band.
 */
export type EncodedCell =
  | 0
  | 1
  | 2
  | readonly [number, number, number | null]
  | readonly [number, number, number | null, number]
  | readonly [number, number, number | null, number, number, number]
  | readonly [number, number, number | null, number, number, number, number]
  | readonly [number, number, number | null, number, number, number, number, number];
/**
 * 0: no submitted result in the unit; otherwise [average, band index, change or null, scored teams],
 * followed by the number of teams the change is taken over (those with a result in both cycles)
 * when there is a change. The Overall entry adds the number of teams whose headline is High or
 * Critical before that count.
 */
export type EncodedAverage =
  | 0
  | readonly [number, number, number | null, number]
  | readonly [number, number, number | null, number, number]
  | readonly [number, number, number | null, number, number, number];
/**
 * [team slug, team name, completion index, cells in HEATMAP_COLUMNS order], followed, for a team
 * without a result in the cycle, by its last earlier result: [that cycle's name, its cells].
 */
export type EncodedRow =
  | readonly [string, string, number, readonly EncodedCell[]]
  | readonly [string, string, number, readonly EncodedCell[], EncodedLastResult];
/** A team's last result from an earlier cycle: [cycle name, cells in HEATMAP_COLUMNS order], no trends. */
export type EncodedLastResult = readonly [string, readonly EncodedCell[]];

export interface EncodedGroup {
  id: string;
  name: string;
  teamCount: number;
  submitted: number;
  /** Teams whose assessment was reopened: not submitted, but shown with their last results. */
  reopened: number;
  averages: readonly EncodedAverage[];
  /**
   * The unit's team rows; null when the unit was closed when the page was rendered, so its rows
   * were not sent: opening it asks the server for them.
   */
  rows: readonly EncodedRow[] | null;
}

const BAND_INDEX = new Map<RiskBand, number>(RISK_BANDS.map((band, index) => [band, index]));

function encodeCell(cell: HeatmapCell): EncodedCell {
  if (cell.score !== null && cell.band !== null) {
    const encoded = [cell.score, BAND_INDEX.get(cell.band)!, cell.trend?.change ?? null] as const;
    return cell.split > 0 ? [...encoded, cell.split] : encoded;
  }
  if (cell.status === "not-assessed") return 1;
  if (cell.status === "insufficient-evidence") return 2;
  return 0;
}

const PITFALL_INDEX = new Map<string, number>(PITFALL_IDS.map((id, index) => [id, index]));

function encodeOverallCell(cell: HeatmapCell, headline: TeamHeadline | null): EncodedCell {
  if (
    !headline ||
    headline.worstBand === null ||
    headline.averageScore === null ||
    headline.topScore === null
  )
    return encodeCell(cell);
  // No pitfall named (none shows symptoms): index -1, and the worst band's top score in its place.
  const named = headline.worstPitfalls[0];
  const encoded = [
    headline.averageScore,
    BAND_INDEX.get(headline.worstBand)!,
    cell.trend?.change ?? null,
    headline.highOrCriticalCount,
    headline.worstScore ?? headline.topScore,
    named === undefined ? -1 : (PITFALL_INDEX.get(named) ?? -1),
  ] as const;
  // The named pitfall's band, only when it is below the worst band (nothing found at the worst).
  if (headline.namedBand !== null && headline.namedBand !== headline.worstBand)
    return [...encoded, cell.split, BAND_INDEX.get(headline.namedBand)!];
  return cell.split > 0 ? [...encoded, cell.split] : encoded;
}

function encodeCells(
  cells: Record<HeatmapColumn, HeatmapCell>,
  headline: TeamHeadline | null,
): EncodedCell[] {
  return HEATMAP_COLUMNS.map((column) =>
    column === "overall" ? encodeOverallCell(cells.overall, headline) : encodeCell(cells[column]),
  );
}

function encodeAverage(average: UnitAverage): EncodedAverage {
  if (average.score === null || average.band === null) return 0;
  const encoded = [
    average.score,
    BAND_INDEX.get(average.band)!,
    average.trend?.change ?? null,
    average.scoredTeams,
  ] as const;
  return average.trend ? [...encoded, average.comparedTeams] : encoded;
}

function encodeUnitOverall(group: HeatmapUnitGroup): EncodedAverage {
  const average = group.averages.overall;
  if (average.score === null || average.band === null) return 0;
  return [
    average.score,
    BAND_INDEX.get(average.band)!,
    average.trend?.change ?? null,
    average.scoredTeams,
    group.headline.highOrCriticalTeams,
    average.comparedTeams,
  ];
}

/** A unit of the heatmap for the browser; `withRows` false leaves its team rows out (a closed unit). */
export function encodeGroup(group: HeatmapUnitGroup, withRows = true): EncodedGroup {
  return {
    id: group.orgUnitId,
    name: group.name,
    teamCount: group.teamCount,
    submitted: group.completion.submitted,
    reopened: group.completion.reopened,
    averages: HEATMAP_COLUMNS.map((column) =>
      column === "overall" ? encodeUnitOverall(group) : encodeAverage(group.averages[column]),
    ),
    rows: !withRows
      ? null
      : group.rows.map((row): EncodedRow => {
          const encoded = [
            row.slug,
            row.name,
            COMPLETION_STATUSES.indexOf(row.completion),
            encodeCells(row.cells, row.headline),
          ] as const;
          if (!row.lastResult) return encoded;
          return [
            ...encoded,
            [row.lastResult.cycleName, encodeCells(row.lastResult.cells, row.lastResult.headline)],
          ];
        }),
  };
}

export function completionOf(index: number): CompletionStatus {
  return COMPLETION_STATUSES[index] ?? "not-started";
}

export function bandOf(index: number): RiskBand {
  return RISK_BANDS[index] ?? "none";
}

/** Query parameters that keep the units' open/closed state in the address, so a reload or a shared link shows the same units. */
export const UNITS_PARAM = "units";
export const UNITS_EXCEPT_PARAM = "except";

/** Every unit follows `open` except the ids in `toggled`, which were opened or closed one by one. */
export interface UnitsState {
  open: boolean;
  toggled: ReadonlySet<string>;
}

export function isUnitOpen(state: UnitsState, unitId: string): boolean {
  return state.open !== state.toggled.has(unitId);
}

/** The `units` and `except` parameters of an address, as given (null when absent). */
export interface UnitsParams {
  units: string | null;
  except: string | null;
}

/** The units' state from the address; without a valid `units` parameter, the page's default. */
export function unitsStateFromSearch(
  search: Pick<URLSearchParams, "get"> | null,
  initiallyExpanded: boolean,
): UnitsState {
  return unitsStateFromParams(
    { units: search?.get(UNITS_PARAM) ?? null, except: search?.get(UNITS_EXCEPT_PARAM) ?? null },
    initiallyExpanded,
  );
}

export function unitsStateFromParams(params: UnitsParams, initiallyExpanded: boolean): UnitsState {
  const { units, except } = params;
  if (units !== "open" && units !== "closed") return { open: initiallyExpanded, toggled: new Set() };
  return { open: units === "open", toggled: new Set((except ?? "").split(",").filter(Boolean)) };
}

/** Writes the units' state into `search`, leaving its other parameters (filters, sort) as they are. */
export function writeUnitsSearch(search: URLSearchParams, state: UnitsState): void {
  search.set(UNITS_PARAM, state.open ? "open" : "closed");
  if (state.toggled.size > 0) search.set(UNITS_EXCEPT_PARAM, [...state.toggled].join(","));
  else search.delete(UNITS_EXCEPT_PARAM);
}

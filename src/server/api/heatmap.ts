import "server-only";
import type { Actor } from "@/domain/access/policy";
import { HEATMAP_COLUMNS, type HeatmapCell, type HeatmapColumn } from "@/domain/dashboards/heatmap";
import type { ApiHeatmap, ApiHeatmapQuery } from "@/contracts/api/schemas";
import { getOrgHeatmap } from "../dashboards/heatmap";
import { NotFoundError } from "../errors";
import { toApiHeadline } from "./headline";

function toApiCell(cell: HeatmapCell) {
  return {
    score: cell.score,
    band: cell.band,
    status: cell.status,
    trend: cell.trend
      ? { direction: cell.trend.direction, change: cell.trend.change, since: cell.trend.since }
      : null,
  };
}

function toApiCells(cells: Record<HeatmapColumn, HeatmapCell>) {
  return Object.fromEntries(
    HEATMAP_COLUMNS.map((column) => [column, toApiCell(cells[column])]),
  ) as ApiHeatmap["units"][number]["teams"][number]["cells"];
}

/**
 * The organisation heatmap, from the same read as /org: the same scope (404 for anyone without an
 * organisation view), the same filters and the default "riskier first" order. A cycle or unit that
 * the page would quietly replace by the latest one or by every unit is a 404 here.
 */
export async function getApiHeatmap(actor: Actor, query: ApiHeatmapQuery): Promise<ApiHeatmap> {
  const view = await getOrgHeatmap(actor, {
    cycle: query.cycle,
    unit: query.unit,
    band: query.band,
    completion: query.completion,
  });
  if (view.unknownUnit) throw new NotFoundError(`There is no org unit "${query.unit}" you may read.`);
  if (query.cycle !== undefined && view.cycle?.key !== query.cycle) {
    throw new NotFoundError(`There is no started cycle ${query.cycle}.`);
  }
  return {
    cycle: view.cycle ? { key: view.cycle.key, name: view.cycle.name } : null,
    previousCycle: view.previousCycle ? { key: view.previousCycle.key, name: view.previousCycle.name } : null,
    totals: view.heatmap.totals,
    units: view.heatmap.groups.map((group) => ({
      slug: group.slug,
      name: group.name,
      teamCount: group.teamCount,
      completion: group.completion,
      headline: {
        worstBand: group.headline.worstBand,
        highOrCriticalTeams: group.headline.highOrCriticalTeams,
        averageScore: group.headline.averageScore,
        scoredTeams: group.headline.scoredTeams,
      },
      teams: group.rows.map((row) => ({
        slug: row.slug,
        name: row.name,
        completion: row.completion,
        headline: row.headline ? toApiHeadline(row.headline) : null,
        cells: toApiCells(row.cells),
      })),
    })),
  };
}

import "server-only";
import type { Actor } from "@/domain/access/policy";
import { cycleKey } from "@/domain/cycles/cycle-ref";
import type { Heatmap } from "@/domain/dashboards/heatmap";
import { CONTENT_TYPES, heatmapExportFilename } from "@/domain/plans/export-formats";
import { heatmapCsvHeader, heatmapCsvLines, type HeatmapCsvTeam } from "@/domain/plans/heatmap-csv";
import type { HeatmapExportQuery } from "@/contracts/plans/schemas";
import { orgDashboardScope } from "../dashboards/access";
import { getOrgHeatmap } from "../dashboards/heatmap";
import { ForbiddenError, NotFoundError } from "../errors";
import { streamText, type ExportFile } from "./export-file";

/** Team rows per chunk of the download: the first bytes leave before the last row is written. */
export const HEATMAP_BATCH_SIZE = 200;

function* heatmapChunks(heatmap: Heatmap, cycleName: string): Generator<string> {
  yield heatmapCsvHeader();
  const teams: HeatmapCsvTeam[] = heatmap.groups.flatMap((group) =>
    group.rows.map((row) => ({ orgUnitName: group.name, row })),
  );
  for (let offset = 0; offset < teams.length; offset += HEATMAP_BATCH_SIZE)
    yield heatmapCsvLines(teams.slice(offset, offset + HEATMAP_BATCH_SIZE), cycleName);
}

/**
 * The heatmap of /org as CSV, for the view asked for: the same read as the page (the same scope,
 * with the actor's access in its queries, the same filters and order, and for a team without
 * results in the cycle its completion and its last earlier result). A cycle or unit the page would
 * quietly replace by the latest one or by every unit is "not found" here, as in the API.
 */
export async function buildHeatmapExport(actor: Actor, request: HeatmapExportQuery): Promise<ExportFile> {
  if (!orgDashboardScope(actor)) {
    throw new ForbiddenError(
      "The heatmap export covers the org units you coach; you are not a coach of any unit.",
    );
  }
  const view = await getOrgHeatmap(actor, {
    cycle: request.cycle ? cycleKey(request.cycle) : undefined,
    unit: request.unit,
    band: request.band,
    completion: request.completion,
    agreement: request.agreement,
    sort: request.sort,
    dir: request.dir,
  });
  if (view.unknownUnit) throw new NotFoundError(`There is no org unit "${request.unit}" you may read.`);
  if (!view.cycle)
    throw new NotFoundError("There are no assessment cycles yet, so there is nothing to export.");
  return {
    filename: heatmapExportFilename(view.cycle.name, view.query.unit),
    contentType: CONTENT_TYPES.csv,
    body: streamText(heatmapChunks(view.heatmap, view.cycle.name)),
  };
}

import { heatmapExportQuerySchema } from "@/contracts/plans/schemas";
import { parseInput } from "@/server/errors";
import { buildHeatmapExport } from "@/server/exports/heatmap-export";
import { sendExport } from "@/server/exports/http";

/** GET /api/exports/heatmap.csv?cycle=2026%20Q3 — teams × pitfalls for the units the person may export. */
export async function GET(request: Request) {
  return sendExport(request, (actor, query) => buildHeatmapExport(actor, parseInput(heatmapExportQuerySchema, query)));
}

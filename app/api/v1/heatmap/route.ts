import type { ApiHeatmapQuery } from "@/contracts/api/schemas";
import { apiRoute } from "@/server/api/api-route";
import { getApiHeatmap } from "@/server/api/heatmap";

/** GET /api/v1/heatmap?cycle=2026-q4&unit=payments — the organisation heatmap the person may see. */
export const GET = apiRoute<ApiHeatmapQuery>("/heatmap", ({ actor, query }) => getApiHeatmap(actor, query));

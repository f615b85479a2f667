/** Links of the plan area and its downloads, in one place so pages, actions and tests agree. */
import type { PlanExportFormat } from "@/domain/plans/export-formats";

export function teamPlanPath(teamSlug: string): string {
  return `/team/${encodeURIComponent(teamSlug)}/plan`;
}

export const PLANS_PATH = "/plans";

export function unitPlanPath(unitSlug: string): string {
  return `${PLANS_PATH}/${encodeURIComponent(unitSlug)}`;
}

export function teamExportBasePath(teamSlug: string): string {
  return `/api/exports/teams/${encodeURIComponent(teamSlug)}`;
}

export function unitExportBasePath(unitSlug: string): string {
  return `/api/exports/units/${encodeURIComponent(unitSlug)}`;
}

export const HEATMAP_EXPORT_PATH = "/api/exports/heatmap.csv";

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function teamExportPath(teamSlug: string, format: PlanExportFormat, cycleSlug?: string): string {
  return withQuery(teamExportBasePath(teamSlug), { format, cycle: cycleSlug });
}

export function unitExportPath(unitSlug: string, format: PlanExportFormat, cycleSlug?: string): string {
  return withQuery(unitExportBasePath(unitSlug), { format, cycle: cycleSlug });
}

/**
 * The heatmap as CSV, for the view of /org whose query string is `search` ("?cycle=2026-q4&band=high",
 * as heatmapSearch writes it): the download carries the same cycle, unit, filters and order.
 */
export function heatmapExportPath(search = ""): string {
  return `${HEATMAP_EXPORT_PATH}${search}`;
}

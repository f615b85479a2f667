/**
 * The heatmap's columns and completion states. Apart from the rest of the heatmap (its query
 * schema needs zod) because the browser renders the table from them.
 */
import { PITFALL_IDS } from "../content/pitfall-ids";

export const HEATMAP_COLUMNS = [...PITFALL_IDS, "overall"] as const;
export type HeatmapColumn = (typeof HEATMAP_COLUMNS)[number];

export const COMPLETION_STATUSES = ["not-started", "draft", "submitted"] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];

export const COMPLETION_LABELS: Record<CompletionStatus, string> = {
  "not-started": "Not started",
  draft: "Draft",
  submitted: "Submitted",
};

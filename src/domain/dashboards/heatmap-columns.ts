/**
 * The heatmap's columns and completion states. Apart from the rest of the heatmap (its query
 * schema needs zod) because the browser renders the table from them.
 */
import { PITFALL_IDS } from "../content/pitfall-ids";

export const HEATMAP_COLUMNS = [...PITFALL_IDS, "overall"] as const;
export type HeatmapColumn = (typeof HEATMAP_COLUMNS)[number];

/**
 * The order the heatmap table shows its columns in: each team's headline first, beside its name,
 * then the seven pitfalls. A headline names the worst pitfall's band, so on a phone, where only the
 * first columns are in sight, a Critical pitfall anywhere in the row shows before any scrolling.
 */
export const HEATMAP_DISPLAY_COLUMNS: readonly HeatmapColumn[] = ["overall", ...PITFALL_IDS];

/** Where each shown column's value sits in a row kept in HEATMAP_COLUMNS order. */
export const HEATMAP_DISPLAY_INDEXES: readonly number[] = HEATMAP_DISPLAY_COLUMNS.map((column) =>
  HEATMAP_COLUMNS.indexOf(column),
);

/**
 * "reopened": submitted, then reopened to be revised; its last submitted results still show, but it
 * is not counted as submitted until the team submits again. Last, so the indexes the heatmap's
 * rows are encoded with (heatmap-encoding) keep their meaning.
 */
export const COMPLETION_STATUSES = ["not-started", "draft", "submitted", "reopened"] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];

export const COMPLETION_LABELS: Record<CompletionStatus, string> = {
  "not-started": "Not started",
  draft: "Draft",
  submitted: "Submitted",
  reopened: "Reopened",
};

/** What the dashboards say beside a reopened assessment's results, which are still shown. */
export const REOPENED_RESULTS_NOTE = "reopened: last submitted results, being revised";

/** "among the 2 teams with a result in both cycles": the population a unit's trend covers. */
export function comparedTeamsText(teams: number): string {
  return `among the ${teams} ${teams === 1 ? "team" : "teams"} with a result in both cycles`;
}

/**
 * Export formats and file names. File names are built from slugs and the cycle only, so they are
 * plain ASCII and need no encoding in a Content-Disposition header.
 */
import { slugify } from "../org/names";

export const PLAN_EXPORT_FORMATS = ["md", "csv", "pdf", "json"] as const;
export type PlanExportFormat = (typeof PLAN_EXPORT_FORMATS)[number];

export const PLAN_EXPORT_FORMAT_LABELS: Record<PlanExportFormat, string> = {
  md: "Markdown",
  csv: "CSV for Jira",
  pdf: "PDF summary",
  json: "JSON",
};

export const CONTENT_TYPES: Record<PlanExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
  json: "application/json; charset=utf-8",
};

/** "2026 Q3" → "2026-q3". */
export function cycleFileSlug(cycleName: string): string {
  return slugify(cycleName, "cycle");
}

/** e.g. "checkout-2026-q3-plan.csv" or "payments-2026-q3-plans.pdf". */
export function planExportFilename(
  subject: { kind: "team" | "orgUnit"; slug: string },
  cycleName: string,
  format: PlanExportFormat,
): string {
  const suffix = subject.kind === "team" ? "plan" : "plans";
  return `${slugify(subject.slug, subject.kind === "team" ? "team" : "org-unit")}-${cycleFileSlug(cycleName)}-${suffix}.${format}`;
}

/** e.g. "heatmap-2026-q3.csv", or "heatmap-2026-q3-payments.csv" for one org unit. */
export function heatmapExportFilename(cycleName: string, unitSlug?: string): string {
  const unit = unitSlug ? `-${slugify(unitSlug, "org-unit")}` : "";
  return `heatmap-${cycleFileSlug(cycleName)}${unit}.csv`;
}

/** The header value that makes a browser save the response under `filename`. */
export function attachmentDisposition(filename: string): string {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "-");
  return `attachment; filename="${safe}"`;
}

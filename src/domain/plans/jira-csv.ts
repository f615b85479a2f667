/**
 * Plan items as rows of a CSV file for Jira's CSV importer: one issue per item. Jira maps columns
 * by their header, so the headers are exactly the field names the importer offers by default.
 * The shared CSV writer does the quoting and neutralises cells that could run as spreadsheet
 * formulas (an owner or an action typed with a leading "-", "=", "+" or "@").
 */
import { csvLines } from "../csv/csv-writer";
import { bandForScore, type RiskBand } from "../scoring/bands";
import { findOutFirstText, SUSPECTED_SYMPTOM_MARK } from "../results/dont-know-words";
import type { ExportPlanItem, ExportTeamSection } from "./export-schema";

export const JIRA_CSV_COLUMNS = [
  "Summary",
  "Description",
  "Due date",
  "Labels",
  "Priority",
  "Assignee",
] as const;
export type JiraCsvColumn = (typeof JIRA_CSV_COLUMNS)[number];
export type JiraCsvRow = Record<JiraCsvColumn, string>;

/** Jira rejects summaries longer than 255 characters. */
export const JIRA_SUMMARY_MAX_LENGTH = 255;

/** Jira's default priority scheme; the riskier the pitfall now, the higher the priority. */
const PRIORITY_BY_BAND: Record<RiskBand, string> = {
  critical: "Highest",
  high: "High",
  medium: "Medium",
  low: "Low",
  none: "Lowest",
};
const PRIORITY_WITHOUT_SCORE = "Medium";

export interface JiraRowContext {
  team: { slug: string; name: string; orgUnitName: string };
  cycleName: string;
  /** The band of the item's pitfall in the exported cycle; null when not scored there. */
  pitfallBand: RiskBand | null;
  /**
   * In the exported cycle, every point of the item's pitfall comes from "don't know" answers, and
   * which of its symptoms are suspected rather than seen. Absent: nothing to mark.
   */
  dontKnow?: { findOutFirst: boolean; suspectedSymptomIds: ReadonlySet<string> };
}

export function jiraPriority(band: RiskBand | null): string {
  return band ? PRIORITY_BY_BAND[band] : PRIORITY_WITHOUT_SCORE;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Jira labels cannot hold spaces; the importer splits a Labels cell on spaces into several labels.
 * Ids and slugs are already lower-case words joined by hyphens.
 */
function labelsFor(item: ExportPlanItem, context: JiraRowContext): string {
  return ["pitfall-radar", item.pitfallId, `team-${context.team.slug}`].join(" ");
}

/**
 * The description opens with text of our own, never with a user's notes, so no cell starts with
 * a character a spreadsheet would read as a formula.
 */
function descriptionFor(item: ExportPlanItem, context: JiraRowContext): string {
  const lines = [
    `Remediation plan item of the ${context.team.name} team (${context.team.orgUnitName}), exported for ${context.cycleName} from Pitfall Radar.`,
    "",
    `Pitfall: ${item.pitfallName}`,
  ];
  // As the result page opens "What to do first": the priority follows a band not seen, yet.
  if (context.dontKnow?.findOutFirst) lines.push(findOutFirstText(item.pitfallName));
  lines.push(`So that: ${item.rationale}`);
  if (item.addresses.length > 0) {
    const suspected = context.dontKnow?.suspectedSymptomIds;
    const titles = item.addresses.map((symptom) =>
      suspected?.has(symptom.symptomId) ? `${symptom.title} (${SUSPECTED_SYMPTOM_MARK})` : symptom.title,
    );
    lines.push(`Symptoms addressed: ${titles.join("; ")}`);
  }
  lines.push(`Closed loop: ${item.closedLoop.summary}`);
  lines.push(`Status in the plan: ${item.statusLabel}`);
  if (item.notes) lines.push("", "Notes:", item.notes);
  return lines.join("\n");
}

export function jiraRowForPlanItem(item: ExportPlanItem, context: JiraRowContext): JiraCsvRow {
  return {
    Summary: truncate(item.action, JIRA_SUMMARY_MAX_LENGTH),
    Description: descriptionFor(item, context),
    "Due date": item.dueOn ?? "",
    Labels: labelsFor(item, context),
    Priority: jiraPriority(context.pitfallBand),
    Assignee: item.ownerEmail ?? "",
  };
}

/**
 * The rows of one team's plan. Dropped items are left out: they are decisions not to do the work,
 * not work to track.
 */
export function jiraRowsForTeam(section: ExportTeamSection, cycleName: string): JiraCsvRow[] {
  const pitfalls = section.assessment?.pitfalls ?? [];
  const bandOf = new Map(pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall.band]));
  const dontKnowOf = new Map(
    pitfalls.map((pitfall) => [
      pitfall.pitfallId,
      {
        findOutFirst: pitfall.dontKnowOnly,
        suspectedSymptomIds: new Set(
          pitfall.triggeredSymptoms
            .filter((symptom) => symptom.suspected)
            .map((symptom) => symptom.symptomId),
        ),
      },
    ]),
  );
  const team = { slug: section.team.slug, name: section.team.name, orgUnitName: section.team.orgUnit.name };
  // A team that has not submitted in the exported cycle yet keeps the priority of its latest result
  // before it, the one the closed loop already reads: a Critical pitfall last quarter is still
  // the most urgent work, not "Medium" because this quarter's answers are not in.
  const bandFor = (item: ExportPlanItem) =>
    bandOf.get(item.pitfallId) ??
    (item.closedLoop.latestScore === null ? null : bandForScore(item.closedLoop.latestScore));
  return section.planItems
    .filter((item) => item.status !== "dropped")
    .map((item) =>
      jiraRowForPlanItem(item, {
        team,
        cycleName,
        pitfallBand: bandFor(item),
        dontKnow: dontKnowOf.get(item.pitfallId),
      }),
    );
}

/** The header line, for exports written in several chunks. */
export function jiraCsvHeader(): string {
  return csvLines([[...JIRA_CSV_COLUMNS]]);
}

/** Data lines without the header, each ending with a line break; "" for no rows. */
export function jiraCsvLines(rows: readonly JiraCsvRow[]): string {
  return csvLines(rows.map((row) => JIRA_CSV_COLUMNS.map((column) => row[column])));
}

/** A whole CSV document: header and rows. */
export function toJiraCsv(rows: readonly JiraCsvRow[]): string {
  return jiraCsvHeader() + jiraCsvLines(rows);
}

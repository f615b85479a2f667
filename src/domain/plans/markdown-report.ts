/**
 * Remediation plans as Markdown, ready to paste into a wiki: headings, a scores table, the
 * triggered symptoms and the plan items. Text typed by people (notes, reasons, names) is escaped so
 * it cannot turn into headings, links or table columns.
 */
import { bandName, type RiskBand } from "../scoring/bands";
import {
  FIND_OUT_FIRST,
  findOutFirstSentence,
  SUSPECTED_SYMPTOMS_HEADING,
  SUSPECTED_SYMPTOMS_NOTE,
} from "../results/dont-know-words";
import { formatExportDay, formatExportMomentDay, formatScore } from "../format";
import { exportHeadlineDetail } from "./export-headline";
import { possessive } from "../text/possessive";
import type {
  ExportCycle,
  ExportHeadline,
  ExportTeamSection,
  OrgUnitPlanExport,
  TeamPlanExport,
} from "./export-schema";

const bandLabel = (band: RiskBand | null) => (band ? bandName(band) : "—");

/** Backslash-escapes the ASCII punctuation Markdown gives meaning to. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([-=])/gm, "$1\\$2");
}

/** A table cell: escaped, on one line. */
function cell(text: string): string {
  return escapeMarkdown(text).replace(/\s*\r?\n\s*/g, " ");
}

/** Multi-line text inside a list item: continuation lines indented so they stay in the item. */
function listText(text: string, indent = "  "): string {
  return escapeMarkdown(text.trim()).split(/\r?\n/).join(`\n${indent}`);
}

function heading(level: number, text: string): string {
  return `${"#".repeat(Math.min(level, 6))} ${text}`;
}

/** Scores with one decimal, as on the pages: "41.0" beside "12.5", never "41". */
function scoreText(score: number | null): string {
  return score === null ? "—" : formatScore(score);
}

/** "**Critical** — 2 pitfalls High or Critical \(worst: …\) · average 25.0", escaped for Markdown. */
function headlineText(headline: ExportHeadline): string {
  return headline.band === null
    ? "**Not scored**"
    : `**${bandLabel(headline.band)}** — ${cell(exportHeadlineDetail(headline))}`;
}

function submittedText(submittedAt: string | null, timeZone: string): string {
  return submittedAt ? `, submitted on ${formatExportMomentDay(submittedAt, timeZone)}` : "";
}

/**
 * A team without a result in the cycle has nothing to score this cycle, but it is not a team
 * without risk: its last result, from an earlier cycle, is named with that cycle, as the heatmap
 * shows it, and kept apart from this cycle's figures.
 */
function noResultLines(section: ExportTeamSection, cycleName: string, timeZone: string): string[] {
  const last = section.lastResult;
  if (!last) {
    return [
      `No result this cycle: no submitted assessment for ${cycleName}, and no earlier result either.`,
      "",
    ];
  }
  return [
    `No result this cycle: no submitted assessment for ${cycleName}.`,
    "",
    `Last result, from ${last.cycle}${submittedText(last.submittedAt, timeZone)}: ${headlineText(last.headline)}. It is not counted as ${possessive(cycleName)} result.`,
    "",
  ];
}

function scoresSection(
  section: ExportTeamSection,
  cycleName: string,
  level: number,
  timeZone: string,
): string[] {
  const lines = [heading(level, "Scores"), ""];
  const assessment = section.assessment;
  if (!assessment) {
    lines.push(...noResultLines(section, cycleName, timeZone));
    return lines;
  }
  const submitted = submittedText(assessment.submittedAt, timeZone);
  // The headline, never the average alone: the worst pitfall's band and the High or Critical count lead.
  lines.push(
    assessment.headline.band === null
      ? `Headline: **Not scored**${submitted}. No pitfall had enough answers to score.`
      : `Headline: ${headlineText(assessment.headline)}${submitted}. The headline is the worst pitfall's band and the number of pitfalls at High or Critical; the average is secondary. Scores run from 0 (no sign of the pitfall) to 100.`,
    "",
    "| Pitfall | Score | Band | Confidence | Triggered symptoms |",
    "| --- | ---: | --- | ---: | ---: |",
  );
  for (const pitfall of assessment.pitfalls) {
    const band =
      pitfall.status === "scored"
        ? `${bandLabel(pitfall.band)}${pitfall.dontKnowOnly ? ` (${FIND_OUT_FIRST.toLowerCase()})` : ""}`
        : pitfall.status === "not-assessed"
          ? "Not assessed"
          : "Insufficient evidence";
    lines.push(
      `| ${cell(pitfall.pitfallName)} | ${scoreText(pitfall.score)} | ${band} | ${Math.round(pitfall.confidence * 100)}% | ${pitfall.triggeredSymptoms.length} |`,
    );
  }
  lines.push("");
  // As the result page opens "What to do first": its band is not a risk seen, yet.
  for (const pitfall of assessment.pitfalls.filter((entry) => entry.dontKnowOnly))
    lines.push(`**${FIND_OUT_FIRST}.** ${findOutFirstSentence(cell(pitfall.pitfallName))}`, "");
  return lines;
}

/** Only for a team with a result in the cycle: without one, "none triggered" would read as a clean bill. */
function symptomsSection(section: ExportTeamSection, level: number): string[] {
  if (!section.assessment) return [];
  const lines = [heading(level, "Triggered symptoms"), ""];
  const withSymptoms = section.assessment.pitfalls.filter((pitfall) => pitfall.triggeredSymptoms.length > 0);
  if (withSymptoms.length === 0) {
    lines.push("No symptoms were triggered.", "");
    return lines;
  }
  for (const pitfall of withSymptoms) {
    lines.push(heading(level + 1, cell(pitfall.pitfallName)), "");
    const suspected = pitfall.triggeredSymptoms.filter((symptom) => symptom.suspected);
    for (const symptom of pitfall.triggeredSymptoms.filter((entry) => !entry.suspected))
      lines.push(`- ${cell(symptom.title)}`);
    if (suspected.length > 0) {
      if (suspected.length < pitfall.triggeredSymptoms.length) lines.push("");
      lines.push(`**${SUSPECTED_SYMPTOMS_HEADING}.** ${SUSPECTED_SYMPTOMS_NOTE}`, "");
      for (const symptom of suspected) lines.push(`- ${cell(symptom.title)} (suspected)`);
    }
    lines.push("");
  }
  return lines;
}

function planSection(section: ExportTeamSection, level: number): string[] {
  const lines = [heading(level, "Plan"), ""];
  if (section.planItems.length === 0) {
    lines.push("The plan has no items yet.", "");
    return lines;
  }
  lines.push("| # | Action | Pitfall | Owner | Due | Status |", "| ---: | --- | --- | --- | --- | --- |");
  section.planItems.forEach((item, index) => {
    const due = item.dueOn ? `${formatExportDay(item.dueOn)}${item.overdue ? " (overdue)" : ""}` : "—";
    lines.push(
      `| ${index + 1} | ${cell(item.action)} | ${cell(item.pitfallName)} | ${cell(item.ownerName ?? "—")} | ${due} | ${item.statusLabel} |`,
    );
  });
  lines.push("");
  section.planItems.forEach((item, index) => {
    lines.push(heading(level + 1, `${index + 1}. ${cell(item.action)}`), "");
    lines.push(`- **Pitfall:** ${cell(item.pitfallName)}, so that ${listText(item.rationale)}`);
    if (item.addresses.length > 0) {
      lines.push(
        `- **Symptoms addressed:** ${item.addresses.map((symptom) => cell(symptom.title)).join("; ")}`,
      );
    }
    lines.push(`- **Owner:** ${cell(item.ownerName ?? "not assigned")}`);
    lines.push(
      `- **Due:** ${item.dueOn ? formatExportDay(item.dueOn) : "no due date"}${item.overdue ? " (overdue)" : ""}`,
    );
    lines.push(
      `- **Status:** ${item.statusLabel}${item.droppedReason ? `: ${listText(item.droppedReason)}` : ""}`,
    );
    lines.push(`- **Closed loop:** ${cell(item.closedLoop.summary)}`);
    if (item.notes) lines.push(`- **Notes:** ${listText(item.notes)}`);
    lines.push("");
  });
  return lines;
}

/**
 * The body of one team: scores, symptoms, plan; headings start at `level`. Every date reads
 * "15 Sep 2026"; moments are written as the day they fell on in `timeZone`, the organisation's.
 */
export function renderTeamSectionMarkdown(
  section: ExportTeamSection,
  cycleName: string,
  level: number,
  timeZone: string,
): string {
  return [
    ...scoresSection(section, cycleName, level, timeZone),
    ...symptomsSection(section, level),
    ...planSection(section, level),
  ].join("\n");
}

function cycleLine(cycle: ExportCycle): string {
  return `${cycle.name} (${formatExportDay(cycle.opensOn)} – ${formatExportDay(cycle.closesOn)})`;
}

export function renderTeamMarkdown(document: TeamPlanExport, timeZone: string): string {
  return [
    heading(1, `${cell(document.team.name)}: remediation plan, ${document.cycle.name}`),
    "",
    `Team **${cell(document.team.name)}** in ${cell(document.team.orgUnit.name)} · Cycle ${cycleLine(document.cycle)} · Exported ${formatExportMomentDay(document.generatedAt, timeZone)}`,
    "",
    renderTeamSectionMarkdown(document, document.cycle.name, 2, timeZone),
  ].join("\n");
}

/** The title block of an org unit's document; each team's section follows under a level-2 heading. */
export function renderOrgUnitMarkdownHeader(
  header: Pick<OrgUnitPlanExport, "orgUnit" | "cycle" | "generatedAt">,
  teamCount: number,
  timeZone: string,
): string {
  return [
    heading(1, `${cell(header.orgUnit.name)}: remediation plans, ${header.cycle.name}`),
    "",
    `Org unit **${cell(header.orgUnit.name)}** · ${teamCount} team${teamCount === 1 ? "" : "s"} · Cycle ${cycleLine(header.cycle)} · Exported ${formatExportMomentDay(header.generatedAt, timeZone)}`,
    "",
    "",
  ].join("\n");
}

export function renderOrgUnitTeamMarkdown(
  section: ExportTeamSection,
  cycleName: string,
  timeZone: string,
): string {
  return [
    heading(2, cell(section.team.name)),
    "",
    renderTeamSectionMarkdown(section, cycleName, 3, timeZone),
    "",
  ].join("\n");
}

export function renderOrgUnitMarkdown(document: OrgUnitPlanExport, timeZone: string): string {
  return (
    renderOrgUnitMarkdownHeader(document, document.teams.length, timeZone) +
    document.teams
      .map((section) => renderOrgUnitTeamMarkdown(section, document.cycle.name, timeZone))
      .join("\n")
  );
}

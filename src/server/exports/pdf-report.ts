import "server-only";
import { join } from "node:path";
import { Readable } from "node:stream";
import { formatExportDay, formatExportMomentDay, formatScore } from "@/domain/format";
import type { ExportCycle, ExportPitfallResult, ExportTeamSection } from "@/domain/plans/export-schema";
import { topSymptoms } from "@/domain/plans/stored-rankings";
import { findOutFirstText, SUSPECTED_SYMPTOM_MARK } from "@/domain/results/dont-know-words";
import { exportHeadlineSentence } from "@/domain/plans/export-headline";
import { commonCountermeasuresNote, type UnitSummary } from "@/domain/plans/unit-summary";
import { TOP_RECOMMENDATIONS_PER_TEAM } from "@/domain/plans/common-countermeasures";
import { bandName, RISK_BANDS, type RiskBand } from "@/domain/scoring/bands";
import { BAND_COLOURS } from "@/domain/scoring/bands";
import { possessive } from "@/domain/text/possessive";
import { orgTimeZone } from "../org-calendar";

type PdfDocument = PDFKit.PDFDocument;

/**
 * pdfkit is loaded from node_modules at run time instead of being bundled: it reads its font
 * metrics from files next to its own code, which a bundle would not carry along. Loading it lazily
 * also keeps it out of every request that is not a PDF export.
 */
async function loadPdfKit() {
  const pdfkit = await import(/* webpackIgnore: true */ "pdfkit");
  return pdfkit.default;
}

const PAGE_MARGIN = 50;
const COLOURS = {
  text: "#0f172a",
  muted: "#475569",
  rule: "#cbd5e1",
  grid: "#e2e8f0",
};

/**
 * Fonts shipped with the project (assets/fonts, with their licences), embedded so names and notes
 * in any script print as written: DejaVu Sans for Latin, Greek, Cyrillic and more, and Droid Sans
 * Fallback for the characters DejaVu lacks (Chinese, Japanese, Korean). Read from the working
 * directory, which is the project root under `npm start`, `next dev` and the tests.
 */
const FONTS = {
  regular: { name: "Body", file: "DejaVuSans.ttf" },
  bold: { name: "Body-Bold", file: "DejaVuSans-Bold.ttf" },
  fallback: { name: "Body-Fallback", file: "DroidSansFallbackFull.ttf" },
} as const;
const FONT_DIRECTORY = join(process.cwd(), "assets", "fonts");

type Weight = "regular" | "bold";

/** The fontkit font behind an embedded pdfkit font: pdfkit keeps it on the current font, unexported. */
interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const coverageByDocument = new WeakMap<PdfDocument, Record<Weight, GlyphCoverage>>();

function registerFonts(doc: PdfDocument): void {
  const coverage: Partial<Record<Weight, GlyphCoverage>> = {};
  for (const weight of ["regular", "bold"] as const) {
    doc.registerFont(FONTS[weight].name, join(FONT_DIRECTORY, FONTS[weight].file));
    doc.font(FONTS[weight].name);
    coverage[weight] = (doc as unknown as { _font: { font: GlyphCoverage } })._font.font;
  }
  doc.registerFont(FONTS.fallback.name, join(FONT_DIRECTORY, FONTS.fallback.file));
  coverageByDocument.set(doc, coverage as Record<Weight, GlyphCoverage>);
  doc.font(FONTS.regular.name);
}

/** The text cut into runs of one font each: the body font where it has the glyph, else the fallback. */
function fontRuns(doc: PdfDocument, text: string, weight: Weight): { font: string; text: string }[] {
  const coverage = coverageByDocument.get(doc)![weight];
  const runs: { font: string; text: string }[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const font = code <= 32 || coverage.hasGlyphForCodePoint(code) ? FONTS[weight].name : FONTS.fallback.name;
    const last = runs.at(-1);
    if (last && (last.font === font || code <= 32)) last.text += character;
    else runs.push({ font, text: character });
  }
  return runs.length > 0 ? runs : [{ font: FONTS[weight].name, text: "" }];
}

/** Writes text at a place, switching to the fallback font for characters the body font lacks. */
function write(
  doc: PdfDocument,
  text: string,
  at: { x: number; y: number; weight?: Weight; size: number; colour: string },
  options: PDFKit.Mixins.TextOptions,
): void {
  const runs = fontRuns(doc, pdfText(text), at.weight ?? "regular");
  doc.fontSize(at.size).fillColor(at.colour);
  runs.forEach((run, index) => {
    doc.font(run.font);
    const continued = index < runs.length - 1;
    if (index === 0) doc.text(run.text, at.x, at.y, { ...options, continued });
    else doc.text(run.text, { ...options, continued });
  });
}

/** Bars and cells take the app's band colours, so a printed report reads like the screens. */
const bandColour = (band: RiskBand) => BAND_COLOURS[band].background;

const bandLabel = (band: RiskBand | null) => (band ? bandName(band) : "");

/** Tabs and line ends become spaces and newlines; other control characters are dropped. */
export function pdfText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "");
}

function contentWidth(doc: PdfDocument): number {
  return doc.page.width - PAGE_MARGIN * 2;
}

function bottomLimit(doc: PdfDocument): number {
  return doc.page.height - PAGE_MARGIN;
}

/** Starts a new page when less than `height` points are left on this one. */
function ensureSpace(doc: PdfDocument, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function heading(doc: PdfDocument, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.8);
  write(
    doc,
    text,
    { x: PAGE_MARGIN, y: doc.y, weight: "bold", size: 13, colour: COLOURS.text },
    { width: contentWidth(doc) },
  );
  doc.moveDown(0.3);
}

function paragraph(
  doc: PdfDocument,
  text: string,
  options: { size?: number; colour?: string; bold?: boolean; indent?: number } = {},
) {
  const indent = options.indent ?? 0;
  write(
    doc,
    text,
    {
      x: PAGE_MARGIN + indent,
      y: doc.y,
      weight: options.bold ? "bold" : "regular",
      size: options.size ?? 10,
      colour: options.colour ?? COLOURS.text,
    },
    { width: contentWidth(doc) - indent },
  );
}

/** A pitfall's name at the start of a chart or table row, cut short with an ellipsis when too long. */
function rowLabel(doc: PdfDocument, text: string, at: { x: number; y: number; width: number }): void {
  doc
    .font(FONTS.regular.name)
    .fontSize(9)
    .fillColor(COLOURS.text)
    .text(pdfText(text), at.x, at.y, { width: at.width, lineBreak: false, ellipsis: true });
}

const CHART = { labelWidth: 165, valueWidth: 105, rowHeight: 22, barHeight: 12, axisHeight: 18 };
const GRID_LINES = [0, 10, 30, 60, 80, 100];

/**
 * A horizontal bar per pitfall on a 0-100 scale, drawn with vector graphics. Grid lines sit on the
 * band cut-offs, and each bar is labelled with its score and band.
 */
export function drawScoreChart(doc: PdfDocument, pitfalls: readonly ExportPitfallResult[]): void {
  const height = pitfalls.length * CHART.rowHeight + CHART.axisHeight + 8;
  ensureSpace(doc, height);
  const left = PAGE_MARGIN;
  const barLeft = left + CHART.labelWidth;
  const barWidth = contentWidth(doc) - CHART.labelWidth - CHART.valueWidth;
  const top = doc.y;
  const xOf = (score: number) => barLeft + (Math.max(0, Math.min(100, score)) / 100) * barWidth;
  const chartBottom = top + pitfalls.length * CHART.rowHeight;

  doc.save();
  doc.lineWidth(0.5).strokeColor(COLOURS.grid);
  for (const value of GRID_LINES) {
    doc.moveTo(xOf(value), top).lineTo(xOf(value), chartBottom).stroke();
  }
  doc.restore();

  pitfalls.forEach((pitfall, index) => {
    const rowTop = top + index * CHART.rowHeight;
    const barTop = rowTop + (CHART.rowHeight - CHART.barHeight) / 2;
    rowLabel(doc, pitfall.pitfallName, { x: left, y: barTop + 1, width: CHART.labelWidth - 8 });
    let valueText: string;
    if (pitfall.status === "scored" && pitfall.score !== null) {
      const band = pitfall.band;
      const width = Math.max(1, xOf(pitfall.score) - barLeft);
      doc.rect(barLeft, barTop, width, CHART.barHeight).fill(band ? bandColour(band) : COLOURS.muted);
      valueText = `${formatScore(pitfall.score)} · ${bandLabel(band)}`;
    } else {
      valueText = pitfall.status === "not-assessed" ? "Not assessed" : "Insufficient evidence";
    }
    doc
      .font(FONTS.bold.name)
      .fontSize(9)
      .fillColor(COLOURS.text)
      .text(pdfText(valueText), barLeft + barWidth + 8, barTop + 1, {
        width: CHART.valueWidth - 8,
        lineBreak: false,
      });
  });

  doc.save();
  doc.lineWidth(0.75).strokeColor(COLOURS.muted);
  doc
    .moveTo(barLeft, chartBottom)
    .lineTo(barLeft + barWidth, chartBottom)
    .stroke();
  doc.restore();
  for (const value of GRID_LINES) {
    doc
      .font(FONTS.regular.name)
      .fontSize(7)
      .fillColor(COLOURS.muted)
      .text(String(value), xOf(value) - 10, chartBottom + 4, {
        width: 20,
        align: "center",
        lineBreak: false,
      });
  }
  doc.x = PAGE_MARGIN;
  doc.y = chartBottom + CHART.axisHeight;
}

function scoresSection(doc: PdfDocument, section: ExportTeamSection, cycle: ExportCycle): void {
  heading(doc, "Risk by pitfall");
  const assessment = section.assessment;
  const submittedText = (submittedAt: string | null) =>
    submittedAt ? `, submitted ${formatExportMomentDay(submittedAt, orgTimeZone())}` : "";
  if (!assessment) {
    paragraph(
      doc,
      `No result this cycle: ${section.team.name} has not submitted an assessment for ${cycle.name}.`,
      {
        bold: true,
      },
    );
    // Not a team without risk: its last result is named with its cycle, as the heatmap shows it.
    const last = section.lastResult;
    paragraph(
      doc,
      last
        ? `Last result, from ${last.cycle}${submittedText(last.submittedAt)}: ${exportHeadlineSentence(last.headline)}. It is not counted as ${possessive(cycle.name)} result.`
        : "It has no result from an earlier cycle either.",
      { size: 10 },
    );
    return;
  }
  // The headline, never the average alone: the worst pitfall's band and the High or Critical count lead.
  paragraph(
    doc,
    `Headline: ${exportHeadlineSentence(assessment.headline)}${submittedText(assessment.submittedAt)}.`,
    { size: 11, bold: true },
  );
  paragraph(
    doc,
    "The headline is the worst pitfall's band and the number of pitfalls at High or Critical; the average is secondary. Scores run from 0 (no sign of the pitfall) to 100; grid lines mark the band boundaries.",
    {
      colour: COLOURS.muted,
      size: 9,
    },
  );
  doc.moveDown(0.6);
  drawScoreChart(doc, assessment.pitfalls);
  // As the result page opens "What to do first": such a band is not a risk seen, yet.
  for (const pitfall of assessment.pitfalls.filter((entry) => entry.dontKnowOnly)) {
    ensureSpace(doc, 28);
    paragraph(doc, findOutFirstText(pitfall.pitfallName), { size: 10 });
  }
}

function symptomsSection(doc: PdfDocument, section: ExportTeamSection): void {
  heading(doc, "Top symptoms");
  const pitfalls = section.assessment?.pitfalls ?? [];
  const top = topSymptoms(
    pitfalls.map((pitfall) => ({
      ...pitfall,
      triggeredSymptoms: pitfall.triggeredSymptoms.map((symptom) => ({
        ...symptom,
        pitfallId: pitfall.pitfallId,
      })),
    })),
    8,
  );
  if (top.length === 0) {
    paragraph(doc, "No symptoms were triggered.", { colour: COLOURS.muted });
    return;
  }
  const nameOf = new Map(pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall.pitfallName]));
  for (const symptom of top) {
    ensureSpace(doc, 16);
    const pitfall = nameOf.get(symptom.pitfallId) ?? symptom.pitfallId;
    paragraph(
      doc,
      `• ${symptom.title} (${symptom.suspected ? `${pitfall}; ${SUSPECTED_SYMPTOM_MARK}` : pitfall})`,
    );
  }
}

function planSection(doc: PdfDocument, section: ExportTeamSection): void {
  heading(doc, "Plan");
  if (section.planItems.length === 0) {
    paragraph(doc, "The plan has no items yet.", { colour: COLOURS.muted });
    return;
  }
  section.planItems.forEach((item, index) => {
    ensureSpace(doc, 70);
    if (index > 0) doc.moveDown(0.5);
    paragraph(doc, `${index + 1}. ${item.action}`, { bold: true, size: 11 });
    const due = item.dueOn
      ? `due ${formatExportDay(item.dueOn)}${item.overdue ? " (overdue)" : ""}`
      : "no due date";
    paragraph(doc, `${item.statusLabel} · ${item.ownerName ?? "no owner"} · ${due}`, {
      indent: 14,
      colour: COLOURS.muted,
      size: 9,
    });
    paragraph(doc, `${item.pitfallName}: so that ${item.rationale}`, { indent: 14, size: 9 });
    paragraph(doc, `Closed loop: ${item.closedLoop.summary}`, { indent: 14, size: 9 });
    if (item.droppedReason) paragraph(doc, `Dropped because: ${item.droppedReason}`, { indent: 14, size: 9 });
    if (item.notes) paragraph(doc, `Notes: ${item.notes}`, { indent: 14, size: 9 });
  });
}

function rule(doc: PdfDocument): void {
  doc.moveDown(0.4);
  doc.save();
  doc.lineWidth(0.75).strokeColor(COLOURS.rule);
  doc
    .moveTo(PAGE_MARGIN, doc.y)
    .lineTo(PAGE_MARGIN + contentWidth(doc), doc.y)
    .stroke();
  doc.restore();
  doc.moveDown(0.4);
}

/** One team's summary: title, the chart of its seven scores, its top symptoms and its plan. */
export function drawTeamSection(
  doc: PdfDocument,
  section: ExportTeamSection,
  cycle: ExportCycle,
  generatedAt: string,
): void {
  doc.x = PAGE_MARGIN;
  title(doc, `${section.team.name}: remediation plan`, 20);
  paragraph(
    doc,
    `${section.team.orgUnit.name} · ${cycle.name} (${formatExportDay(cycle.opensOn)} – ${formatExportDay(cycle.closesOn)}) · exported ${formatExportMomentDay(generatedAt, orgTimeZone())}`,
    { colour: COLOURS.muted, size: 10 },
  );
  rule(doc);
  scoresSection(doc, section, cycle);
  // Without results there are no symptoms to list: "none triggered" would read as a clean bill.
  if (section.assessment) symptomsSection(doc, section);
  planSection(doc, section);
}

function title(doc: PdfDocument, text: string, size: number): void {
  write(
    doc,
    text,
    { x: PAGE_MARGIN, y: doc.y, weight: "bold", size, colour: COLOURS.text },
    { width: contentWidth(doc) },
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

const BAND_TABLE = { nameWidth: 170, rowHeight: 18, headerHeight: 20 };

/** Teams per band for each pitfall: one row per pitfall, a cell per band on the band's own colour. */
function drawBandCounts(doc: PdfDocument, counts: UnitSummary["bandCounts"]): void {
  const columns = [...RISK_BANDS, "notScored"] as const;
  const cellWidth = (contentWidth(doc) - BAND_TABLE.nameWidth) / columns.length;
  ensureSpace(doc, BAND_TABLE.headerHeight + BAND_TABLE.rowHeight * Math.min(counts.length, 8));
  let y = doc.y;
  const cellX = (index: number) => PAGE_MARGIN + BAND_TABLE.nameWidth + index * cellWidth;
  columns.forEach((column, index) => {
    const label = column === "notScored" ? "Not scored" : bandLabel(column);
    doc
      .font(FONTS.bold.name)
      .fontSize(8)
      .fillColor(COLOURS.text)
      .text(label, cellX(index), y + 5, { width: cellWidth, align: "center", lineBreak: false });
  });
  y += BAND_TABLE.headerHeight;
  for (const row of counts) {
    if (y + BAND_TABLE.rowHeight > bottomLimit(doc)) {
      doc.addPage();
      y = doc.y;
    }
    rowLabel(doc, row.pitfallName, { x: PAGE_MARGIN, y: y + 4, width: BAND_TABLE.nameWidth - 8 });
    columns.forEach((column, index) => {
      const count = column === "notScored" ? row.notScored : row.bands[column];
      const x = cellX(index);
      if (column !== "notScored" && count > 0) {
        doc.rect(x + 1, y + 1, cellWidth - 2, BAND_TABLE.rowHeight - 2).fill(bandColour(column));
      }
      doc
        .font(FONTS.bold.name)
        .fontSize(9)
        .fillColor(column !== "notScored" && count > 0 ? BAND_COLOURS[column].text : COLOURS.muted)
        .text(String(count), x, y + 4, { width: cellWidth, align: "center", lineBreak: false });
    });
    y += BAND_TABLE.rowHeight;
  }
  doc.x = PAGE_MARGIN;
  doc.y = y + 4;
}

/** One line per entry, or a muted note when there are none. */
function bulletLines(doc: PdfDocument, lines: readonly string[], empty: string): void {
  if (lines.length === 0) paragraph(doc, empty, { colour: COLOURS.muted });
  for (const line of lines) {
    ensureSpace(doc, 16);
    paragraph(doc, `• ${line}`);
  }
}

/** A headed list of one line per entry, or a muted note when there are none. */
function bulletSection(doc: PdfDocument, title: string, lines: readonly string[], empty: string): void {
  heading(doc, title);
  bulletLines(doc, lines, empty);
}

/**
 * The first page of a unit's export: what the unit looks like this cycle before the team pages.
 * Teams per band for each pitfall, the countermeasures most teams share, the overdue items, and
 * the teams without a result this cycle, named.
 */
export function drawUnitSummary(
  doc: PdfDocument,
  header: { orgUnit: { name: string }; cycle: ExportCycle; generatedAt: string },
  summary: UnitSummary,
): void {
  title(doc, `${header.orgUnit.name}: remediation plans`, 22);
  paragraph(
    doc,
    `${header.cycle.name} (${formatExportDay(header.cycle.opensOn)} – ${formatExportDay(header.cycle.closesOn)}) · exported ${formatExportMomentDay(header.generatedAt, orgTimeZone())}`,
    { colour: COLOURS.muted },
  );
  rule(doc);
  const withResults = summary.teamCount - summary.teamsWithoutResult.length;
  heading(doc, "Unit summary");
  paragraph(
    doc,
    `${plural(summary.teamCount, "team")}; ${withResults} with a result for ${header.cycle.name}.`,
  );
  if (summary.teamsWithoutResult.length > 0) {
    paragraph(doc, `No result this cycle: ${summary.teamsWithoutResult.join(", ")}.`, {
      colour: COLOURS.muted,
    });
  }

  heading(doc, "Teams per band, by pitfall");
  if (summary.bandCounts.length === 0)
    paragraph(doc, "No team has a result this cycle.", { colour: COLOURS.muted });
  else drawBandCounts(doc, summary.bandCounts);

  heading(doc, "Most common countermeasures");
  paragraph(doc, commonCountermeasuresNote(summary, header.cycle.name), {
    colour: COLOURS.muted,
    size: 9,
  });
  bulletLines(
    doc,
    summary.common.map(
      (entry) =>
        `${entry.action}: ${plural(entry.teamsTotal, "team")} (${entry.teamsPlanning} planning it, ${entry.teamsRecommended} with it in their top ${TOP_RECOMMENDATIONS_PER_TEAM})`,
    ),
    "No plan items and no ranked countermeasures yet.",
  );
  bulletSection(
    doc,
    `Overdue items (${summary.overdue.length})`,
    summary.overdue.map(
      (item) =>
        `${item.teamName}: ${item.action}, due ${formatExportDay(item.dueOn)} (${item.ownerName ?? "no owner"})`,
    ),
    "No item is past its due date.",
  );
}

/**
 * A PDF as a byte stream. `render` draws the document, possibly over several awaited steps; pages
 * are streamed out as pdfkit completes them, so a long report starts downloading at once.
 */
export async function pdfStream(
  documentTitle: string,
  render: (doc: PdfDocument) => Promise<void>,
): Promise<ReadableStream<Uint8Array>> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE_MARGIN,
    lang: "en-GB",
    displayTitle: true,
    info: { Title: pdfText(documentTitle), Creator: "Pitfall Radar", Producer: "Pitfall Radar" },
  });
  registerFonts(doc);
  const stream = Readable.toWeb(doc as unknown as Readable) as ReadableStream<Uint8Array>;
  render(doc).then(
    () => doc.end(),
    (error: unknown) => {
      console.error("A PDF export failed while it was being drawn", error);
      (doc as unknown as Readable).destroy(error instanceof Error ? error : new Error("PDF export failed"));
    },
  );
  return stream;
}

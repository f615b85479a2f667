import "server-only";
import { Readable } from "node:stream";
import { formatExportDay, formatScoreCompact } from "@/domain/format";
import type { ExportCycle, ExportPitfallResult, ExportTeamSection } from "@/domain/plans/export-schema";
import { topSymptoms } from "@/domain/plans/stored-rankings";
import { headlineSentence, teamHeadline } from "@/domain/results/headline";
import { BANDS, type RiskBand } from "@/domain/scoring/bands";

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

/** Bar colours by band; every bar also carries its band in words, so colour is never the only cue. */
const BAND_COLOURS: Record<RiskBand, string> = {
  none: "#15803d",
  low: "#65a30d",
  medium: "#ca8a04",
  high: "#ea580c",
  critical: "#b91c1c",
};

const bandLabel = (band: RiskBand | null) =>
  band ? (BANDS.find((entry) => entry.band === band)?.label ?? band) : "";

/** Characters the built-in PDF fonts can show (Windows-1252) beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set([
  338, 339, 352, 353, 376, 381, 382, 402, 710, 732, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224,
  8225, 8226, 8230, 8240, 8249, 8250, 8364, 8482,
]);
const REPLACEMENTS: Record<string, string> = { "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "−": "-" };

/**
 * The built-in Helvetica covers Western European text; anything else is replaced by its closest
 * plain letter (accents dropped) or a question mark, rather than being written as broken glyphs.
 */
export function pdfText(text: string): string {
  let result = "";
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (
      code === 10 ||
      (code >= 32 && code <= 126) ||
      (code >= 160 && code <= 255) ||
      WIN_ANSI_EXTRA.has(code)
    ) {
      result += character;
    } else if (REPLACEMENTS[character]) {
      result += REPLACEMENTS[character];
    } else if (code === 9 || code === 13) {
      result += " ";
    } else {
      const plain = character.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      result += plain.length > 0 && [...plain].every((part) => part.codePointAt(0)! < 127) ? plain : "?";
    }
  }
  return result;
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
  doc
    .font("Helvetica-Bold")
    .fontSize(13)
    .fillColor(COLOURS.text)
    .text(pdfText(text), PAGE_MARGIN, doc.y, {
      width: contentWidth(doc),
    });
  doc.moveDown(0.3);
}

function paragraph(
  doc: PdfDocument,
  text: string,
  options: { size?: number; colour?: string; bold?: boolean; indent?: number } = {},
) {
  const indent = options.indent ?? 0;
  doc
    .font(options.bold ? "Helvetica-Bold" : "Helvetica")
    .fontSize(options.size ?? 10)
    .fillColor(options.colour ?? COLOURS.text)
    .text(pdfText(text), PAGE_MARGIN + indent, doc.y, { width: contentWidth(doc) - indent });
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
    doc
      .font("Helvetica")
      .fontSize(9)
      .fillColor(COLOURS.text)
      .text(pdfText(pitfall.pitfallName), left, barTop + 1, {
        width: CHART.labelWidth - 8,
        lineBreak: false,
        ellipsis: true,
      });
    let valueText: string;
    if (pitfall.status === "scored" && pitfall.score !== null) {
      const band = pitfall.band;
      const width = Math.max(1, xOf(pitfall.score) - barLeft);
      doc.rect(barLeft, barTop, width, CHART.barHeight).fill(band ? BAND_COLOURS[band] : COLOURS.muted);
      valueText = `${formatScoreCompact(pitfall.score)} · ${bandLabel(band)}`;
    } else {
      valueText = pitfall.status === "not-assessed" ? "Not assessed" : "Insufficient evidence";
    }
    doc
      .font("Helvetica-Bold")
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
      .font("Helvetica")
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
  if (!assessment) {
    paragraph(doc, `No submitted assessment for ${cycle.name}.`, { colour: COLOURS.muted });
    return;
  }
  // The headline, never the average alone: the worst pitfall's band and the High or Critical count lead.
  const headline = teamHeadline(assessment.pitfalls);
  const nameOf = (pitfallId: string) =>
    assessment.pitfalls.find((pitfall) => pitfall.pitfallId === pitfallId)?.pitfallName ?? pitfallId;
  const submitted = assessment.submittedAt ? `, submitted ${formatExportDay(assessment.submittedAt)}` : "";
  paragraph(doc, `Headline: ${headlineSentence(headline, nameOf)}${submitted}.`, { size: 11, bold: true });
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
    paragraph(doc, `• ${symptom.title} (${nameOf.get(symptom.pitfallId) ?? symptom.pitfallId})`);
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
    paragraph(doc, `${item.statusLabel} · ${item.ownerEmail ?? "no owner"} · ${due}`, {
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
  doc
    .font("Helvetica-Bold")
    .fontSize(20)
    .fillColor(COLOURS.text)
    .text(pdfText(`${section.team.name}: remediation plan`), {
      width: contentWidth(doc),
    });
  paragraph(
    doc,
    `${section.team.orgUnit.name} · ${cycle.name} (${formatExportDay(cycle.opensOn)} – ${formatExportDay(cycle.closesOn)}) · exported ${formatExportDay(generatedAt)}`,
    { colour: COLOURS.muted, size: 10 },
  );
  rule(doc);
  scoresSection(doc, section, cycle);
  symptomsSection(doc, section);
  planSection(doc, section);
}

export function drawOrgUnitCover(
  doc: PdfDocument,
  header: { orgUnit: { name: string }; cycle: ExportCycle; generatedAt: string },
  teams: readonly { name: string }[],
): void {
  doc
    .font("Helvetica-Bold")
    .fontSize(22)
    .fillColor(COLOURS.text)
    .text(pdfText(`${header.orgUnit.name}: remediation plans`), {
      width: contentWidth(doc),
    });
  paragraph(
    doc,
    `${header.cycle.name} (${formatExportDay(header.cycle.opensOn)} – ${formatExportDay(header.cycle.closesOn)}) · exported ${formatExportDay(header.generatedAt)}`,
    { colour: COLOURS.muted },
  );
  rule(doc);
  heading(doc, `${teams.length} team${teams.length === 1 ? "" : "s"}, one page each`);
  for (const team of teams) {
    ensureSpace(doc, 16);
    paragraph(doc, `• ${team.name}`);
  }
}

/**
 * A PDF as a byte stream. `render` draws the document, possibly over several awaited steps; pages
 * are streamed out as pdfkit completes them, so a long report starts downloading at once.
 */
export async function pdfStream(
  title: string,
  render: (doc: PdfDocument) => Promise<void>,
): Promise<ReadableStream<Uint8Array>> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE_MARGIN,
    lang: "en-GB",
    displayTitle: true,
    info: { Title: pdfText(title), Creator: "Pitfall Radar", Producer: "Pitfall Radar" },
  });
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

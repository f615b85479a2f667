/**
 * Reading an organisation import file: the upload's facts, its bytes and its CSV structure.
 * Pure (no I/O): the server hands in what it received and gets back records or precise issues.
 *
 * The format is one CSV file with the header `type,name,email,org_unit,parent_org_unit,team,role`
 * (columns in any order) and one row per org unit, team, person or extra role; see the README.
 */
import Papa from "papaparse";
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type ImportColumn,
  type ImportIssue,
} from "./import-format";
import { normaliseName } from "@/domain/org/names";
import { hiddenCharacterProblem } from "@/domain/text/hidden-characters";

export { IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportColumn, type ImportIssue };

export interface ImportRecord {
  /** The line the row starts on, counting the header as line 1. */
  line: number;
  values: Record<ImportColumn, string>;
}

export type ImportOutcome<T> = { ok: true; value: T } | { ok: false; issues: ImportIssue[] };

export interface UploadFacts {
  name: string;
  type: string;
  size: number;
}

function fileIssue(message: string): ImportOutcome<never> {
  return { ok: false, issues: [{ line: null, column: null, message }] };
}

// Browsers report .csv files differently: Windows often says "application/vnd.ms-excel", some say nothing.
const CSV_MEDIA_TYPES = new Set([
  "text/csv",
  "application/csv",
  "text/comma-separated-values",
  "application/vnd.ms-excel",
  "text/plain",
  "",
]);

/** Checks what the browser said about the upload before reading it. */
export function checkImportUpload(upload: UploadFacts): ImportOutcome<null> {
  if (upload.size === 0)
    return fileIssue("The file is empty. Choose a CSV file with a header row and at least one row.");
  if (upload.size > MAX_IMPORT_BYTES) {
    return fileIssue(
      `The file is ${formatBytes(upload.size)}; the limit is 1 MB. Split it into smaller files.`,
    );
  }
  const type = upload.type.toLowerCase().split(";")[0]!.trim();
  const named = upload.name.toLowerCase().endsWith(".csv");
  if (!(type === "text/csv" || (named && CSV_MEDIA_TYPES.has(type)))) {
    return fileIssue("That is not a CSV file. Choose a file ending in .csv, saved as “CSV UTF-8”.");
  }
  return { ok: true, value: null };
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}

/** Decodes the upload as UTF-8 text, refusing binary files and other encodings. */
export function decodeImportText(bytes: Uint8Array): ImportOutcome<string> {
  if (bytes.length === 0)
    return fileIssue("The file is empty. Choose a CSV file with a header row and at least one row.");
  if (bytes.length > MAX_IMPORT_BYTES) {
    return fileIssue(
      `The file is ${formatBytes(bytes.length)}; the limit is 1 MB. Split it into smaller files.`,
    );
  }
  if (bytes.includes(0)) return fileIssue("That file is not text, so it cannot be a CSV file.");
  let text: string;
  try {
    // Strips a leading byte order mark, as spreadsheet programs write one.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fileIssue(
      "The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and try again.",
    );
  }
  return { ok: true, value: text };
}

function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const char = text[index];
    if (char === "\n") count++;
    else if (char === "\r" && text[index + 1] !== "\n") count++;
  }
  return count;
}

interface RawRow {
  line: number;
  cells: string[];
  problem: string | null;
}

function quoteProblem(codes: readonly string[]): string | null {
  if (codes.includes("MissingQuotes")) {
    return 'A quoted value is never closed. Check for a missing closing quote (").';
  }
  if (codes.includes("InvalidQuotes")) {
    return 'A value contains a stray quote. Put quotes around the whole value and double any quote inside it ("").';
  }
  return codes.length ? "This line could not be read as CSV." : null;
}

/** Splits CSV text into rows, remembering the line each row starts on (values may span lines). */
function splitRows(text: string): RawRow[] {
  const rows: RawRow[] = [];
  let rowStart = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    skipEmptyLines: false,
    step: (result) => {
      rows.push({
        line,
        cells: result.data,
        problem: quoteProblem(result.errors.map((error) => error.code)),
      });
      line += countLineBreaks(text, rowStart, result.meta.cursor);
      rowStart = result.meta.cursor;
    },
  });
  return rows;
}

/** Parses the text into records, one per non-blank data row, or reports what is wrong with it. */
export function readImportRecords(text: string): ImportOutcome<ImportRecord[]> {
  const rows = splitRows(text).filter((row) => row.problem || row.cells.some((cell) => cell.trim() !== ""));
  const header = rows[0];
  if (!header)
    return fileIssue("The file is empty. Choose a CSV file with a header row and at least one row.");
  if (header.problem)
    return { ok: false, issues: [{ line: header.line, column: null, message: header.problem }] };

  const headerIssues = checkHeader(header);
  if (headerIssues.length) return { ok: false, issues: headerIssues };
  const columns = header.cells.map(normaliseHeader) as ImportColumn[];

  const dataRows = rows.slice(1);
  if (dataRows.length === 0) return fileIssue("The file has a header row but no rows to import.");
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return fileIssue(
      `The file has ${dataRows.length} rows; the limit is ${MAX_IMPORT_ROWS}. Split it into smaller files.`,
    );
  }

  const issues: ImportIssue[] = [];
  const records: ImportRecord[] = [];
  for (const row of dataRows) {
    if (row.problem) {
      issues.push({ line: row.line, column: null, message: row.problem });
      continue;
    }
    if (row.cells.length !== columns.length) {
      issues.push({
        line: row.line,
        column: null,
        message: `This line has ${row.cells.length} value${row.cells.length === 1 ? "" : "s"}; the header has ${columns.length}. Every line needs a value (possibly empty) for every column.`,
      });
      continue;
    }
    const values = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, ""])) as Record<
      ImportColumn,
      string
    >;
    let hidden = false;
    columns.forEach((column, index) => {
      values[column] = row.cells[index]!.trim();
      // Every column holds a name, an email or a keyword: none of them has a use for hidden
      // characters. Whitespace is collapsed as names are (a quoted line break becomes a space).
      const problem = hiddenCharacterProblem(normaliseName(values[column]), "name");
      if (problem) {
        issues.push({ line: row.line, column, message: problem });
        hidden = true;
      }
    });
    if (!hidden) records.push({ line: row.line, values });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: records };
}

const EXPECTED_HEADER = IMPORT_COLUMNS.join(",");

function checkHeader(header: RawRow): ImportIssue[] {
  const issue = (message: string): ImportIssue => ({ line: header.line, column: null, message });
  const cells = header.cells.map(normaliseHeader);
  if (cells.length === 1 && cells[0]!.includes(";")) {
    return [
      issue(
        `The file uses semicolons between values; save it with commas. The header must be: ${EXPECTED_HEADER}`,
      ),
    ];
  }
  const known = new Set<string>(IMPORT_COLUMNS);
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    if (cell === "")
      issues.push(issue(`The header row has an empty column name. The header must be: ${EXPECTED_HEADER}`));
    else if (!known.has(cell))
      issues.push(
        issue(`Unknown column “${cell}” in the header row. The header must be: ${EXPECTED_HEADER}`),
      );
    else if (seen.has(cell)) issues.push(issue(`The column “${cell}” appears twice in the header row.`));
    seen.add(cell);
  }
  const missing = IMPORT_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length) {
    issues.push(
      issue(
        `The header row is missing the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}. The header must be: ${EXPECTED_HEADER}`,
      ),
    );
  }
  return issues;
}

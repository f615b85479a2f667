/**
 * The one CSV writer every export uses. Quoting is Papa's (commas, quotes, line breaks and
 * non-ASCII text survive); on top of it, any cell starting with a character a spreadsheet would
 * read as the start of a formula (= + - @, tab or carriage return) gets a leading apostrophe, as
 * OWASP recommends, so text people typed (names, owners, notes) never runs as a formula when the
 * file is opened. Lines end with CRLF, as RFC 4180 has it.
 */
import Papa from "papaparse";

export const CSV_NEWLINE = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as it is written: unchanged, or with an apostrophe when it could start a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows as CSV lines, each ending with a line break; "" for no rows. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "";
  const cells = rows.map((row) => row.map(neutraliseCell));
  return Papa.unparse(cells, { newline: CSV_NEWLINE, escapeFormulae: false }) + CSV_NEWLINE;
}

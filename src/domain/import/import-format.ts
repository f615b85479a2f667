/**
 * The organisation import format's fixed facts, kept apart from the parser so the upload form can
 * use them without loading the CSV library.
 */

export const IMPORT_COLUMNS = [
  "type",
  "name",
  "email",
  "org_unit",
  "parent_org_unit",
  "team",
  "role",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** 1 MB (decimal), so the upload with its form overhead stays inside the server's request limit. */
export const MAX_IMPORT_BYTES = 1_000_000;
export const MAX_IMPORT_ROWS = 5_000;

/** One problem with the file; `line` counts from 1 (the header) and is null for the whole file. */
export interface ImportIssue {
  line: number | null;
  column: ImportColumn | null;
  message: string;
}

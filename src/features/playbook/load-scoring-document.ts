import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prepareMarkdownDocument, type MarkdownDocument } from "./markdown-document";

/**
 * The scoring method as documented next to the code that implements it (docs/scoring.md), read
 * once when the server loads this module rather than on every request. The path is built from
 * `process.cwd()` in one expression so the build's file tracing ships the document with the page.
 */
const SCORING_DOCUMENT = readScoringDocument();

/** The scoring method, or null when the document is missing (the page says so). */
export function loadScoringDocument(): MarkdownDocument | null {
  return SCORING_DOCUMENT;
}

function readScoringDocument(): MarkdownDocument | null {
  try {
    return prepareMarkdownDocument(readFileSync(path.join(process.cwd(), "docs", "scoring.md"), "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

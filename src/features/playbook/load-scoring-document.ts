import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** Where the scoring method is documented, next to the code that implements it. */
export const SCORING_DOCUMENT_PATH = path.join("docs", "scoring.md");

/** The scoring method as Markdown, or null when the document is missing (the page says so). */
export async function loadScoringDocument(): Promise<string | null> {
  try {
    return await readFile(path.join(process.cwd(), SCORING_DOCUMENT_PATH), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

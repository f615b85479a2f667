/**
 * Direct reads of the demo database the e2e server runs on (see playwright.config.ts), for
 * checks the UI cannot show: "another team's answers did not change".
 */
import Database from "better-sqlite3";

export const E2E_DATABASE_FILE = process.env.E2E_DATABASE_FILE ?? "data/e2e.db";

export function withDemoDatabase<T>(work: (database: Database.Database) => T): T {
  const database = new Database(E2E_DATABASE_FILE);
  // The app server holds the same file open; wait for its writes instead of failing.
  database.pragma("busy_timeout = 5000");
  try {
    return work(database);
  } finally {
    database.close();
  }
}

export interface StoredAssessmentState {
  id: string;
  status: string;
  version: number;
  answers: {
    questionId: string;
    kind: string;
    value: string | null;
    reason: string | null;
    note: string | null;
    updatedAt: unknown;
  }[];
}

/** The assessment of a team in the open cycle, with its answers; null when the team has not started. */
export function openCycleAssessment(teamSlug: string): StoredAssessmentState | null {
  return withDemoDatabase((database) => {
    const assessment = database
      .prepare(
        `SELECT a.id, a.status, a.version FROM assessment a
         JOIN team t ON t.id = a.teamId JOIN cycle c ON c.id = a.cycleId
         WHERE t.slug = ? AND c.status = 'open'`,
      )
      .get(teamSlug) as { id: string; status: string; version: number } | undefined;
    if (!assessment) return null;
    const answers = database
      .prepare(
        `SELECT questionId, kind, value, reason, note, updatedAt FROM answer WHERE assessmentId = ? ORDER BY questionId`,
      )
      .all(assessment.id) as StoredAssessmentState["answers"];
    return { ...assessment, answers };
  });
}

/** Removes a team's assessment of the open cycle (answers and results go with it). */
export function deleteOpenCycleAssessment(teamSlug: string): void {
  withDemoDatabase((database) => {
    database
      .prepare(
        `DELETE FROM assessment WHERE id IN (
           SELECT a.id FROM assessment a JOIN team t ON t.id = a.teamId JOIN cycle c ON c.id = a.cycleId
           WHERE t.slug = ? AND c.status = 'open')`,
      )
      .run(teamSlug);
  });
}

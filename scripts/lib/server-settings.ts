/**
 * What the preparation process (scripts/prepare.ts) hands the primary (scripts/start.ts) once it
 * has validated the environment: JSON on file descriptor SETTINGS_FD, a pipe the primary opened.
 */
export type ServerSettings = {
  /** WEB_CONCURRENCY, when set. */
  workers: number | undefined;
  /** AUTH_SECRET, when set. */
  authSecret: string | undefined;
};

/** The first file descriptor after stdin, stdout and stderr. */
export const SETTINGS_FD = 3;

/**
 * Given to the preparation by the primary, which opened SETTINGS_FD as a pipe. Run any other way,
 * file descriptor 3 may be something else entirely, so nothing is written to it.
 */
export const REPORT_SETTINGS = "--report-settings";

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

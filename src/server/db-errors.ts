import "server-only";

/** Prisma's error code for a write refused by a unique index or constraint. */
const UNIQUE_CONSTRAINT_VIOLATION = "P2002";

/**
 * True when a write failed because a unique index already holds the value, so the caller can turn a
 * race (two people adding the same thing at once) into a conflict message. Recognised by Prisma's
 * error code rather than `instanceof`: the SQLite and PostgreSQL clients are generated separately and
 * each has its own error class, but both carry the same code.
 */
export function isUniqueConstraintViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === UNIQUE_CONSTRAINT_VIOLATION
  );
}

import "server-only";

/** Prisma's error code for a write refused by a unique index or constraint. */
const UNIQUE_CONSTRAINT_VIOLATION = "P2002";
/** Prisma's error code for an update or delete of a single record that matched no row. */
const RECORD_NOT_FOUND = "P2025";

/**
 * True when a write failed because a unique index already holds the value, so the caller can turn a
 * race (two people adding the same thing at once) into a conflict message. Recognised by Prisma's
 * error code rather than `instanceof`: the SQLite and PostgreSQL clients are generated separately and
 * each has its own error class, but both carry the same code.
 */
export function isUniqueConstraintViolation(error: unknown): boolean {
  return hasPrismaCode(error, UNIQUE_CONSTRAINT_VIOLATION);
}

/**
 * True when an update or delete of one record (`update`, `delete`) found no row matching its
 * filter, such as a version condition another write already moved past. By code, as above.
 */
export function isRecordNotFound(error: unknown): boolean {
  return hasPrismaCode(error, RECORD_NOT_FOUND);
}

function hasPrismaCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

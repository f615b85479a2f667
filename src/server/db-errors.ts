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

/**
 * Runs a write once more when a unique index refused it: another write that its checks could not
 * see yet took the value. The second run sees that write, so its own checks answer as they would
 * have (a name already taken, say, or the next free slug); should the index refuse it again,
 * `refusal()` is thrown instead of the database's error.
 */
export async function retryAfterUniqueViolation<T>(
  write: () => Promise<T>,
  refusal: () => Error,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueConstraintViolation(error)) throw error;
  }
  try {
    return await write();
  } catch (error) {
    if (isUniqueConstraintViolation(error)) throw refusal();
    throw error;
  }
}

import "server-only";
import { databaseProvider } from "@/database-url";
import { getEnv } from "@/env";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Changes to the organisation's structure (creating, renaming, moving, archiving and unarchiving
 * org units and teams, and the import) are made one at a time.
 *
 * Each checks the organisation as it is: no unit inside itself or one of its own sub-units, names
 * unique ignoring case, nothing active in an archived unit. On PostgreSQL, under READ COMMITTED,
 * two changes made at the same moment would each check the organisation without the other's
 * change: two moves could put two units inside each other (and both would vanish from the tree),
 * two creates or renames could give two teams one name. So each change first takes one
 * transaction-scoped advisory lock: the second waits for the first to commit, then checks what it
 * left. Admins change the organisation rarely and quickly, so the wait goes unnoticed; nothing
 * else (answers, plans, dashboards) takes this lock.
 *
 * SQLite runs one write transaction at a time (BEGIN IMMEDIATE), so there it is already so.
 */
export async function serialiseOrgChanges(tx: Prisma.TransactionClient): Promise<void> {
  if (databaseProvider(getEnv().DATABASE_URL) !== "postgresql") return;
  // The lock's key is a fixed number of this app's own; pg_advisory_xact_lock releases it at the
  // end of the transaction, commit or rollback.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7201)`;
}

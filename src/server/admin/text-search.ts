import "server-only";
import { databaseProvider } from "@/database-url";
import { getEnv } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";

/**
 * Admin searches match what was typed literally: `_` and `%` are LIKE's wildcards in both
 * databases, and Prisma's `contains` and `startsWith` pass them on as such, so a search for "_"
 * found everyone and "a_min" found "admin".
 *
 * PostgreSQL treats a backslash in a LIKE pattern as its escape character by default, so there the
 * text is escaped and Prisma's filters stay. SQLite's LIKE has no escape character unless the query
 * names one, which Prisma's filters cannot, so there the matching rows are found with instr(), which
 * has no wildcards at all; lower() on both sides ignores case as SQLite's LIKE does (ASCII letters).
 */
function onPostgres(): boolean {
  return databaseProvider(getEnv().DATABASE_URL) === "postgresql";
}

function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const USER_TEXT_COLUMNS = { name: Prisma.raw(`"name"`), email: Prisma.raw(`"email"`) } as const;

/** People whose name or email (the given columns) contains the text, ignoring case. */
export async function usersContaining(
  text: string,
  columns: readonly (keyof typeof USER_TEXT_COLUMNS)[],
): Promise<Prisma.UserWhereInput> {
  if (onPostgres()) {
    // Insensitive mode is PostgreSQL's alone, so the SQLite client's types do not know it.
    const filter = { contains: escapeLikePattern(text), mode: "insensitive" } as Prisma.StringFilter;
    return { OR: columns.map((column) => ({ [column]: filter })) };
  }
  const conditions = columns.map(
    (column) => Prisma.sql`instr(lower(${USER_TEXT_COLUMNS[column]}), lower(${text})) > 0`,
  );
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "user" WHERE ${Prisma.join(conditions, " OR ")}`;
  return { id: { in: rows.map((row) => row.id) } };
}

/** Audit actions that start with the prefix, as typed (case included). */
export async function actionsStartingWith(prefix: string): Promise<Prisma.StringFilter> {
  if (onPostgres()) return { startsWith: escapeLikePattern(prefix) };
  // The actions recorded are a short, fixed vocabulary: compare them here rather than in LIKE.
  const actions = await db.auditEvent.findMany({ distinct: ["action"], select: { action: true } });
  return { in: actions.map((row) => row.action).filter((action) => action.startsWith(prefix)) };
}

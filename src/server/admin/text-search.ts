import "server-only";
import { databaseProvider } from "@/database-url";
import { getEnv } from "@/env";
import type { Prisma } from "@/generated/prisma/client";

/**
 * A case-insensitive "contains" filter on either database: SQLite's LIKE already ignores case
 * (for ASCII), PostgreSQL needs insensitive mode, which the SQLite client's types do not know.
 */
export function containsIgnoringCase(value: string): Prisma.StringFilter {
  if (databaseProvider(getEnv().DATABASE_URL) === "postgresql") {
    return { contains: value, mode: "insensitive" } as Prisma.StringFilter;
  }
  return { contains: value };
}

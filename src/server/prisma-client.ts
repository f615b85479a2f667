/**
 * Builds a PrismaClient on the right driver adapter for a database URL. Kept free of
 * `server-only` so scripts and integration tests can create clients for their own databases.
 *
 * Prisma generates one client per database provider. Both come from the same schema (the
 * PostgreSQL schema is derived from prisma/schema.prisma), so they have the same models and
 * queries; the app is typed against the SQLite client's types.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgresql/client";

import { databaseProvider } from "@/database-url";
import { SerialisedSqliteAdapterFactory } from "./sqlite-serialised-adapter";

export type AppPrismaClient = PrismaClient;

/** How long an SQLite statement waits for the write lock held by another process, in ms. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
export { databaseProvider };

export function createPrismaClient(databaseUrl: string): AppPrismaClient {
  if (databaseProvider(databaseUrl) === "postgresql") {
    const client = new PostgresPrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }),
    });
    return client as unknown as AppPrismaClient;
  }
  return new PrismaClient({
    adapter: new SerialisedSqliteAdapterFactory(
      // Several server processes may share the file: a write waits up to this long for another
      // process's transaction to finish before it fails.
      new PrismaBetterSqlite3({ url: databaseUrl.replace(/^file:/, ""), timeout: SQLITE_BUSY_TIMEOUT_MS }),
    ),
  });
}

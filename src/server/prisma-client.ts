/**
 * Builds a PrismaClient on the right driver adapter for a database URL. Kept free of
 * `server-only` so scripts and integration tests can create clients for their own databases.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";

export type AppPrismaClient = PrismaClient;

export function createPrismaClient(databaseUrl: string): AppPrismaClient {
  if (databaseUrl.startsWith("file:")) {
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl.replace(/^file:/, "") }) });
  }
  throw new Error("Only SQLite file URLs (file:...) are supported by this build.");
}

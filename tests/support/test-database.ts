import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { inject } from "vitest";
import { createPrismaClient, type AppPrismaClient } from "@/server/prisma-client";
import { createPostgresDatabase } from "../../scripts/lib/migrator";
import { postgresUrlFor, withPostgresAdmin } from "./postgres";

export interface TestDatabase {
  url: string;
  client: AppPrismaClient;
  dispose(): Promise<void>;
}

/** A fresh, fully migrated SQLite database file of its own for one test file or test. */
export function createTestDatabase(): TestDatabase & { file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "pitfall-radar-db-"));
  const file = path.join(dir, "test.db");
  // VACUUM INTO writes a consistent standalone copy, including anything still in the template's WAL.
  const template = new Database(inject("templateDatabase"), { readonly: true });
  template.prepare("VACUUM INTO ?").run(file);
  template.close();
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  const url = `file:${file}`;
  const client = createPrismaClient(url);
  return {
    url,
    file,
    client,
    async dispose() {
      await client.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, fully migrated PostgreSQL database of its own, copied from the run's template. */
export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const name = `pitfall_radar_test_${randomBytes(6).toString("hex")}`;
  await withPostgresAdmin((admin) => createPostgresDatabase(admin, name, inject("postgresTemplateDatabase")));
  const url = postgresUrlFor(name);
  const client = createPrismaClient(url);
  return {
    url,
    client,
    async dispose() {
      await client.$disconnect();
      await withPostgresAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

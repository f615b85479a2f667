import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../scripts/lib/migrator";
import {
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_PATH,
  SQLITE_MIGRATIONS_DIR,
  SQLITE_SCHEMA_PATH,
} from "../../scripts/lib/schema-variants";
import { postgresServerUrl, withPostgresAdmin } from "./postgres";

/**
 * Builds one migrated template database per run and per database kind; each integration test
 * file copies it (VACUUM INTO for SQLite, CREATE DATABASE … TEMPLATE for PostgreSQL), which is
 * far faster than migrating per file.
 */
export default async function setup({
  provide,
}: {
  provide: (key: "templateDatabase" | "postgresTemplateDatabase", value: string) => void;
}) {
  const dir = await mkdtemp(path.join(tmpdir(), "pitfall-radar-tests-"));
  const file = path.join(dir, "template.db");
  await applyMigrations({ databaseUrl: `file:${file}`, schemaPath: SQLITE_SCHEMA_PATH, migrationsDir: SQLITE_MIGRATIONS_DIR });
  provide("templateDatabase", file);

  const templateName = `pitfall_radar_test_template_${process.pid}`;
  const templateUrl = new URL(postgresServerUrl());
  templateUrl.pathname = `/${templateName}`;
  await withPostgresAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${templateName}" WITH (FORCE)`));
  await applyMigrations({
    databaseUrl: templateUrl.toString(),
    schemaPath: POSTGRES_SCHEMA_PATH,
    migrationsDir: POSTGRES_MIGRATIONS_DIR,
  });
  provide("postgresTemplateDatabase", templateName);

  return async () => {
    await rm(dir, { recursive: true, force: true });
    await withPostgresAdmin((admin: pg.Client) => admin.query(`DROP DATABASE IF EXISTS "${templateName}" WITH (FORCE)`));
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    postgresTemplateDatabase: string;
  }
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "../../scripts/lib/migrator";

/**
 * Builds one migrated template database per run; integration tests copy it, which is far faster
 * than migrating per test file.
 */
export default async function setup({ provide }: { provide: (key: "templateDatabase", value: string) => void }) {
  const dir = await mkdtemp(path.join(tmpdir(), "pitfall-radar-tests-"));
  const file = path.join(dir, "template.db");
  await applyMigrations({ databaseUrl: `file:${file}`, schemaPath: "prisma/schema.prisma", migrationsDir: "prisma/migrations" });
  provide("templateDatabase", file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

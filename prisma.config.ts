import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only for `generate`, `validate` and `format`, which check that a
// schema engine binary exists but never run it. Migrations are produced and applied by
// scripts/db (through the WebAssembly schema engine), so the CLI never needs to download one.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/pitfall-radar.db" },
});

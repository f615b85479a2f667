import { defineConfig } from "prisma/config";

// The PostgreSQL variant of the schema (derived from prisma/schema.prisma); see prisma.config.ts
// for why the schema engine binary only needs to exist.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: "prisma/postgresql/schema.prisma",
  migrations: { path: "prisma/postgresql/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://127.0.0.1:5432/pitfall_radar" },
});

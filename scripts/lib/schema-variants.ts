/**
 * prisma/schema.prisma (SQLite) is the one schema people edit. The PostgreSQL variant differs only
 * in its datasource provider and where its client is generated, so it is derived, never edited.
 */
export const POSTGRES_SCHEMA_PATH = "prisma/postgresql/schema.prisma";
export const POSTGRES_MIGRATIONS_DIR = "prisma/postgresql/migrations";
export const SQLITE_SCHEMA_PATH = "prisma/schema.prisma";
export const SQLITE_MIGRATIONS_DIR = "prisma/migrations";

const GENERATED_HEADER =
  "// Generated from prisma/schema.prisma by `npm run db:migration`; do not edit. Change prisma/schema.prisma instead.\n";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const withProvider = sqliteSchema.replace(
    /datasource db \{\s*provider\s*=\s*"sqlite"\s*\}/,
    'datasource db {\n  provider = "postgresql"\n}',
  );
  const withOutput = withProvider.replace(
    'output   = "../src/generated/prisma"',
    'output   = "../../src/generated/prisma-postgresql"',
  );
  if (withProvider === sqliteSchema || withOutput === withProvider) {
    throw new Error("prisma/schema.prisma no longer has the expected generator output or sqlite datasource block.");
  }
  return GENERATED_HEADER + withOutput;
}

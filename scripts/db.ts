/**
 * Database commands that need no internet:
 *   db.ts migrate            apply pending migrations to DATABASE_URL (SQLite or PostgreSQL)
 *   db.ts migration <name>   write the next migration for both databases from prisma/schema.prisma
 *   db.ts check              exit 1 and print the missing SQL when a schema and its migrations disagree
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { loadEnvOrExit } from "../src/env";
import { describeDatabaseFailure } from "./lib/database-failure";
import { applyMigrations, createMigration, pendingSchemaChanges, providerOf, type SchemaSource } from "./lib/migrator";
import {
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_PATH,
  postgresSchemaFrom,
  SQLITE_MIGRATIONS_DIR,
  SQLITE_SCHEMA_PATH,
} from "./lib/schema-variants";

function sources(postgresServerUrl: string): { label: string; source: SchemaSource }[] {
  return [
    { label: "SQLite", source: { schemaPath: SQLITE_SCHEMA_PATH, migrationsDir: SQLITE_MIGRATIONS_DIR } },
    {
      label: "PostgreSQL",
      source: { schemaPath: POSTGRES_SCHEMA_PATH, migrationsDir: POSTGRES_MIGRATIONS_DIR, postgresServerUrl },
    },
  ];
}

async function expectedPostgresSchema(): Promise<string> {
  return postgresSchemaFrom(await readFile(SQLITE_SCHEMA_PATH, "utf8"));
}

async function postgresSchemaInSync(): Promise<boolean> {
  return existsSync(POSTGRES_SCHEMA_PATH) && (await readFile(POSTGRES_SCHEMA_PATH, "utf8")) === (await expectedPostgresSchema());
}

function describeFailure(label: string, error: unknown, serverUrl: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (label === "PostgreSQL" && /ECONNREFUSED|ENOTFOUND|connect/i.test(message)) {
    return `PostgreSQL at ${serverUrl} is not reachable; the PostgreSQL migrations need it (set POSTGRES_MIGRATIONS_URL).`;
  }
  return `${label}: ${message}`;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const env = loadEnvOrExit();
  switch (command) {
    case "migrate": {
      const postgres = providerOf(env.DATABASE_URL) === "postgresql";
      const applied = await applyMigrations({
        databaseUrl: env.DATABASE_URL,
        schemaPath: postgres ? POSTGRES_SCHEMA_PATH : SQLITE_SCHEMA_PATH,
        migrationsDir: postgres ? POSTGRES_MIGRATIONS_DIR : SQLITE_MIGRATIONS_DIR,
      }).catch((error: unknown) => {
        throw new Error(describeDatabaseFailure(error, env.DATABASE_URL), { cause: error });
      });
      console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
      return 0;
    }
    case "migration": {
      const name = args[0];
      if (!name) {
        console.error("Usage: npm run db:migration -- <name>   (e.g. add_team_context)");
        return 2;
      }
      await writeFile(POSTGRES_SCHEMA_PATH, await expectedPostgresSchema());
      const now = new Date();
      for (const { label, source } of sources(env.POSTGRES_MIGRATIONS_URL)) {
        const folder = await createMigration(source, name, now);
        console.log(
          folder ? `${label}: created ${source.migrationsDir}/${folder}/migration.sql` : `${label}: no schema changes.`,
        );
      }
      return 0;
    }
    case "check": {
      let failed = false;
      if (!(await postgresSchemaInSync())) {
        console.error(`${POSTGRES_SCHEMA_PATH} is out of date with ${SQLITE_SCHEMA_PATH}; run npm run db:migration -- <name>.`);
        failed = true;
      }
      for (const { label, source } of sources(env.POSTGRES_MIGRATIONS_URL)) {
        let sql: string;
        try {
          sql = await pendingSchemaChanges(source);
        } catch (error) {
          console.error(describeFailure(label, error, env.POSTGRES_MIGRATIONS_URL));
          failed = true;
          continue;
        }
        if (sql) {
          console.error(`${label}: ${source.schemaPath} has changes that no migration covers. Missing SQL:\n`);
          console.error(sql);
          console.error("\nCreate the migration with: npm run db:migration -- <name>");
          failed = true;
        } else {
          console.log(`${label}: schema and migrations agree.`);
        }
      }
      return failed ? 1 : 0;
    }
    default:
      console.error("Usage: tsx scripts/db.ts <migrate | migration <name> | check>");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

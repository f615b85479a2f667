/**
 * Database commands that need no internet:
 *   db.ts migrate            apply pending migrations to DATABASE_URL
 *   db.ts migration <name>   write the next migration from changes to prisma/schema.prisma
 *   db.ts check              exit 1 and print the missing SQL when schema and migrations disagree
 */
import { loadEnvOrExit } from "../src/env";
import { applyMigrations, createMigration, pendingSchemaChanges } from "./lib/migrator";

const schemaPath = "prisma/schema.prisma";
const migrationsDir = "prisma/migrations";

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case "migrate": {
      const env = loadEnvOrExit();
      const applied = await applyMigrations({ databaseUrl: env.DATABASE_URL, schemaPath, migrationsDir });
      console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
      return 0;
    }
    case "migration": {
      const name = args[0];
      if (!name) {
        console.error("Usage: npm run db:migration -- <name>   (e.g. add_team_context)");
        return 2;
      }
      const folder = await createMigration({ schemaPath, migrationsDir }, name);
      console.log(folder ? `Created ${migrationsDir}/${folder}/migration.sql` : "No schema changes: no migration created.");
      return 0;
    }
    case "check": {
      const sql = await pendingSchemaChanges({ schemaPath, migrationsDir });
      if (!sql) {
        console.log("Schema and migrations agree.");
        return 0;
      }
      console.error("prisma/schema.prisma has changes that no migration covers. Missing SQL:\n");
      console.error(sql);
      console.error("\nCreate the migration with: npm run db:migration -- <name>");
      return 1;
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

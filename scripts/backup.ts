/**
 *   backup.ts backup [dir]      SQLite: an online, consistent copy of the database (the app may keep
 *                               running) to <dir>/pitfall-radar-<timestamp>.db (default dir: backups/)
 *                               PostgreSQL: runs pg_dump in custom format when it is installed
 *   backup.ts restore <file>    SQLite: restores a backup into DATABASE_URL, which must be empty or
 *                               missing (stop the app first), then applies newer migrations
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { loadEnvOrExit } from "../src/env";
import { databaseProvider } from "../src/database-url";
import { applyMigrations, sqlitePathFromUrl } from "./lib/migrator";
import { SQLITE_MIGRATIONS_DIR, SQLITE_SCHEMA_PATH } from "./lib/schema-variants";

function stamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

async function backup(databaseUrl: string, dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  if (databaseProvider(databaseUrl) === "postgresql") {
    const target = path.join(dir, `pitfall-radar-${stamp()}.dump`);
    try {
      execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${target}`, databaseUrl], { stdio: "inherit" });
    } catch {
      console.error(`pg_dump failed or is not installed. Run it yourself:\n  pg_dump --format=custom --no-owner --file=${target} "$DATABASE_URL"`);
      return 1;
    }
    console.log(`Backed up to ${target}. Restore with: pg_restore --no-owner --dbname="$DATABASE_URL" ${target}`);
    return 0;
  }
  const source = sqlitePathFromUrl(databaseUrl);
  if (!existsSync(source)) {
    console.error(`There is no database at ${source} to back up.`);
    return 1;
  }
  const target = path.join(dir, `pitfall-radar-${stamp()}.db`);
  const db = new Database(source, { readonly: true });
  try {
    // SQLite's online backup copies a consistent snapshot while other connections keep writing.
    await db.backup(target);
  } finally {
    db.close();
  }
  console.log(`Backed up ${source} to ${target} (${Math.round(statSync(target).size / 1024)} KiB).`);
  return 0;
}

function isEmptySqlite(file: string): boolean {
  if (!existsSync(file)) return true;
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      if (name === "_prisma_migrations") continue;
      const row = db.prepare(`SELECT 1 FROM "${name}" LIMIT 1`).get();
      if (row) return false;
    }
    return true;
  } finally {
    db.close();
  }
}

async function restore(databaseUrl: string, file: string | undefined): Promise<number> {
  if (!file) {
    console.error("Usage: npm run db:restore -- <backup file>");
    return 2;
  }
  if (databaseProvider(databaseUrl) === "postgresql") {
    console.error(`For PostgreSQL, restore with: pg_restore --no-owner --dbname="$DATABASE_URL" ${file}`);
    return 1;
  }
  if (!existsSync(file)) {
    console.error(`No backup file at ${file}.`);
    return 1;
  }
  let backupDb: Database.Database;
  try {
    backupDb = new Database(file, { readonly: true, fileMustExist: true });
    backupDb.prepare("SELECT count(*) FROM _prisma_migrations").get();
  } catch {
    console.error(`${file} is not a Pitfall Radar SQLite backup.`);
    return 1;
  }
  const target = sqlitePathFromUrl(databaseUrl);
  if (!isEmptySqlite(target)) {
    backupDb.close();
    console.error(`${target} already holds data; restore only into an empty or missing database (move it aside first).`);
    return 1;
  }
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  try {
    await backupDb.backup(target);
  } finally {
    backupDb.close();
  }
  const applied = await applyMigrations({ databaseUrl, schemaPath: SQLITE_SCHEMA_PATH, migrationsDir: SQLITE_MIGRATIONS_DIR });
  console.log(`Restored ${file} into ${target}${applied.length ? `; applied ${applied.length} newer migration(s)` : ""}.`);
  return 0;
}

async function main(): Promise<number> {
  const env = loadEnvOrExit();
  const [command, argument] = process.argv.slice(2);
  if (command === "backup") return backup(env.DATABASE_URL, argument ?? "backups");
  if (command === "restore") return restore(env.DATABASE_URL, argument);
  console.error("Usage: tsx scripts/backup.ts <backup [dir] | restore <file>>");
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

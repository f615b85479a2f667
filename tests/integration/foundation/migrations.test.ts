import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postgresUrlFor, withPostgresAdmin } from "../../support/postgres";

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, "../../..");
const dbCli = path.join(repoRoot, "scripts/db.ts");
const tsx = path.join(repoRoot, "node_modules/.bin/tsx");

/** Runs the db CLI in a scratch copy of prisma/, so a test can change the schema safely. */
async function runDbCli(cwd: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(tsx, [dbCli, ...args], { cwd, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe("db:check, db:migration and db:migrate", () => {
  let workDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "pitfall-radar-migrations-test-"));
    await cp(path.join(repoRoot, "prisma"), path.join(workDir, "prisma"), { recursive: true });
  });

  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it("passes when the schemas and the committed migrations agree, for SQLite and PostgreSQL", async () => {
    const result = await runDbCli(workDir, ["check"]);
    expect(result.stdout).toContain("SQLite: schema and migrations agree.");
    expect(result.stdout).toContain("PostgreSQL: schema and migrations agree.");
    expect(result.code).toBe(0);
  });

  it("fails and prints the missing SQL after a field is added without a migration, then passes once the migration exists", async () => {
    const schemaFile = path.join(workDir, "prisma/schema.prisma");
    const schema = await readFile(schemaFile, "utf8");
    await writeFile(schemaFile, schema.replace("  deactivatedAt DateTime?\n", "  deactivatedAt DateTime?\n  nickname String?\n"));

    const failing = await runDbCli(workDir, ["check"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/ALTER TABLE "user" ADD COLUMN "nickname" TEXT/);
    expect(failing.stderr).toContain("prisma/postgresql/schema.prisma is out of date");

    const created = await runDbCli(workDir, ["migration", "add_nickname"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/SQLite: created prisma\/migrations\/\d{14}_add_nickname\/migration\.sql/);
    expect(created.stdout).toMatch(
      /PostgreSQL: created prisma\/postgresql\/migrations\/\d{14}_add_nickname\/migration\.sql/,
    );

    const passing = await runDbCli(workDir, ["check"]);
    expect(passing.code).toBe(0);
  });

  it("applies migrations once and records them the way Prisma does", async () => {
    const databaseFile = path.join(workDir, "data/app.db");
    const first = await runDbCli(workDir, ["migrate"], { DATABASE_URL: `file:${databaseFile}` });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\)/);

    const second = await runDbCli(workDir, ["migrate"], { DATABASE_URL: `file:${databaseFile}` });
    expect(second.stdout).toContain("Database is up to date.");

    const db = new Database(databaseFile, { readonly: true });
    try {
      const rows = db.prepare("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations").all() as {
        migration_name: string;
        finished_at: number | null;
        rolled_back_at: number | null;
      }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it("leaves an up-to-date SQLite database alone while another process has it open, and says so when a migration is pending", async () => {
    const databaseFile = path.join(workDir, "data/app.db");
    const env = { DATABASE_URL: `file:${databaseFile}` };
    expect((await runDbCli(workDir, ["migrate"], env)).code).toBe(0);

    // Another program using the file, as a running app does (a write-ahead-log reader).
    const running = new Database(databaseFile);
    try {
      running.prepare("SELECT COUNT(*) FROM user").get();
      const upToDate = await runDbCli(workDir, ["migrate"], env);
      expect(upToDate.stdout).toContain("Database is up to date.");
      expect(upToDate.code).toBe(0);

      const schemaFile = path.join(workDir, "prisma/schema.prisma");
      const schema = await readFile(schemaFile, "utf8");
      await writeFile(
        schemaFile,
        schema.replace("  deactivatedAt DateTime?\n", "  deactivatedAt DateTime?\n  nickname String?\n"),
      );
      expect((await runDbCli(workDir, ["migration", "add_nickname"])).code).toBe(0);

      const busy = await runDbCli(workDir, ["migrate"], env);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(
        new RegExp(
          `The database file .*app\\.db is open in another process, and 1 pending migration\\(s\\) \\(\\d{14}_add_nickname\\)`,
        ),
      );
      expect(busy.stderr).not.toContain("SocketTimeout");
    } finally {
      running.close();
    }

    // Once the other program has let go, the pending migration applies.
    const applied = await runDbCli(workDir, ["migrate"], env);
    expect(applied.stdout).toMatch(/Applied 1 migration\(s\): \d{14}_add_nickname/);
    const database = new Database(databaseFile, { readonly: true });
    try {
      const columns = database.prepare("SELECT name FROM pragma_table_info('user')").all() as {
        name: string;
      }[];
      expect(columns.map((column) => column.name)).toContain("nickname");
    } finally {
      database.close();
    }
  });

  it("creates a missing PostgreSQL database and applies its own migration history", async () => {
    const name = `pitfall_radar_migrate_test_${process.pid}`;
    const url = postgresUrlFor(name);
    try {
      const first = await runDbCli(workDir, ["migrate"], { DATABASE_URL: url });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/Applied \d+ migration\(s\)/);
      const rows = await withPostgresAdmin(async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL")).rows;
        } finally {
          await client.end();
        }
      });
      const committed = (await readdir(path.join(repoRoot, "prisma/postgresql/migrations"), { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
      expect(rows.map((row) => row.migration_name).sort()).toEqual(committed.sort());
      expect((await runDbCli(workDir, ["migrate"], { DATABASE_URL: url })).stdout).toContain("Database is up to date.");
    } finally {
      await withPostgresAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });

  it("refuses a migration name that would not make a valid folder name", async () => {
    const result = await runDbCli(workDir, ["migration", "Add Field!"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("lower-case letters, digits and underscores");
  });
});

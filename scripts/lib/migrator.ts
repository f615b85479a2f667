/**
 * Migrations without the Prisma CLI's native engine.
 *
 * The CLI downloads a native schema engine before `migrate` or `db push`, which cannot happen on
 * machines without internet. Prisma also publishes that engine as WebAssembly; driven through a
 * driver adapter it applies migrations (keeping Prisma's `_prisma_migrations` bookkeeping, so
 * `prisma migrate deploy` still works elsewhere) and diffs schemas. It cannot create a migration
 * from the migrations folder directly (that needs a shadow database), so a new migration is made by
 * applying the existing ones to a scratch database and diffing that against schema.prisma.
 */
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import Database from "better-sqlite3";
import { databaseProvider as providerOf } from "../../src/database-url";

const require = createRequire(import.meta.url);

type EngineModule = typeof import("@prisma/schema-engine-wasm");
type SchemaEngine = Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>;

export interface MigratorOptions {
  /** SQLite database file (a `file:` URL or a plain path). */
  databaseUrl: string;
  schemaPath: string;
  migrationsDir: string;
}

const noFilters = { externalTables: [], externalEnums: [] };

let engineModule: Promise<EngineModule> | undefined;

/**
 * The package's entry imports the .wasm file as an ES module, which Node 20 only allows behind a
 * flag; instantiating it through the generated glue works everywhere.
 */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The engine reports a Rust panic's message through this global before throwing.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        console.error(`Schema engine panic: ${message}`);
      },
    };
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return engineModule;
}

export function sqlitePathFromUrl(url: string): string {
  return url.replace(/^file:/, "");
}

interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened (it does not close them itself). */
  close(): Promise<void>;
}

export { databaseProvider as providerOf } from "../../src/database-url";

/** Remembers every connection a factory hands out, so they can all be closed afterwards. */
function trackConnections(factory: SqlMigrationAwareDriverAdapterFactory) {
  const connections: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      connections.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = await factory.connectToShadowDb();
      connections.push(connection);
      return connection;
    },
  };
  return { tracked, closeAll: () => Promise.all(connections.map((connection) => connection.dispose())) };
}

async function sqliteAdapterFactory(databaseUrl: string) {
  const file = sqlitePathFromUrl(databaseUrl);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  // Write-ahead logging persists in the file; every later connection inherits it.
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  return { factory: new PrismaBetterSqlite3({ url: file }, { timestampFormat: "unixepoch-ms" }), close: async () => {} };
}

/** PostgreSQL's internal one-byte "char" type (OID 18), used by catalog columns such as relkind. */
const PG_INTERNAL_CHAR = 18;
const PG_TEXT = 25;

function postgresAdapterFactory(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // An idle connection can be ended by the server (e.g. when a scratch database is dropped right
  // after use); without a listener that would crash the process instead of just closing it.
  pool.on("error", () => {});
  // The schema engine reads catalog columns of type "char" (one-letter codes such as relkind),
  // which the pg adapter cannot describe; reporting them as text is exact.
  const describeCharAsText = (value: pg.QueryResult | undefined) => {
    for (const field of value?.fields ?? []) if (field.dataTypeID === PG_INTERNAL_CHAR) field.dataTypeID = PG_TEXT;
    return value;
  };
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      // pool.query() passes a callback; the adapter's own connections use promises.
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (error: Error | null, value: pg.QueryResult) =>
          callback(error, error ? value : describeCharAsText(value));
        return query(...args);
      }
      const result = query(...args);
      return result instanceof Promise ? result.then(describeCharAsText) : result;
    };
  });
  // adapter-pg bundles its own copy of the pg typings; the pool is the same runtime class.
  return { factory: new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0]), close: () => pool.end() };
}

async function openEngine(databaseUrl: string, schema: string): Promise<OpenEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const { factory, close } =
    providerOf(databaseUrl) === "postgresql" ? postgresAdapterFactory(databaseUrl) : await sqliteAdapterFactory(databaseUrl);
  const { tracked, closeAll } = trackConnections(factory);
  const log = () => {};
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    async close() {
      engine.free();
      await closeAll();
      await close();
    },
  };
}

export interface MigrationFolder {
  name: string;
  sql: string;
}

export async function readMigrations(migrationsDir: string): Promise<MigrationFolder[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      sql: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"),
    })),
  );
}

function migrationList(migrationsDir: string, migrations: MigrationFolder[], lockfile: string | null) {
  return {
    baseDir: path.resolve(migrationsDir),
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: migration.sql } },
    })),
  };
}

async function readLockfile(migrationsDir: string): Promise<string | null> {
  const file = path.join(migrationsDir, "migration_lock.toml");
  return existsSync(file) ? readFile(file, "utf8") : null;
}

async function withEngine<T>(databaseUrl: string, schemaPath: string, work: (engine: SchemaEngine, schema: string) => Promise<T>): Promise<T> {
  const schema = await readFile(schemaPath, "utf8");
  const { engine, close } = await openEngine(databaseUrl, schema);
  try {
    return await work(engine, schema);
  } finally {
    await close();
  }
}

async function applyWith(engine: SchemaEngine, migrationsDir: string): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);
  const result = await engine.applyMigrations({
    migrationsList: migrationList(migrationsDir, migrations, await readLockfile(migrationsDir)),
    filters: noFilters,
  });
  return result.appliedMigrationNames;
}

/**
 * CREATE DATABASE copies a template and fails while another session is creating a database from
 * the same template at that moment (object in use); a short retry rides over that.
 */
export async function createPostgresDatabase(admin: pg.Client, name: string, template?: string): Promise<void> {
  const sql = `CREATE DATABASE "${name.replaceAll('"', '""')}"${template ? ` TEMPLATE "${template}"` : ""}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(sql);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** Creates the PostgreSQL database named in the URL when it does not exist yet, as Prisma does. */
async function ensurePostgresDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!name) throw new Error("The PostgreSQL URL must name a database, e.g. postgresql://host:5432/pitfall_radar");
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const existing = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount === 0) await createPostgresDatabase(admin, name);
  } finally {
    await admin.end();
  }
}

interface MigrationRecord {
  name: string;
  finished: number | null;
  rolledBack: number | null;
}

/**
 * The migrations an SQLite database still needs, read without the schema engine; null when the
 * engine must decide (no database or no migration table yet, or a migration that failed, which
 * the engine reports). Prisma's engine takes the file for itself (`locking_mode=EXCLUSIVE`) before
 * it reads anything, so it fails while any other process has the file open, even with nothing to
 * apply: a second app started on the same file, a new version started before the old one stopped,
 * `npm run db:migrate` beside a running app. An ordinary read is not blocked by them.
 */
function pendingSqliteMigrations(file: string, migrations: readonly MigrationFolder[]): string[] | null {
  if (!existsSync(file)) return null;
  const database = new Database(file, { fileMustExist: true });
  try {
    const table = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return null;
    const records = database
      .prepare('SELECT migration_name AS "name", finished_at AS "finished", rolled_back_at AS "rolledBack" FROM _prisma_migrations')
      .all() as MigrationRecord[];
    if (records.some((record) => record.finished === null && record.rolledBack === null)) return null;
    const applied = new Set(records.filter((record) => record.rolledBack === null).map((record) => record.name));
    return migrations.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name);
  } finally {
    database.close();
  }
}

/** The better-sqlite3 adapter reports SQLITE_BUSY to the engine as a kind the engine cannot name. */
function isBusyDatabase(error: unknown): boolean {
  return error instanceof Error && error.message.includes("SocketTimeout");
}

/** Applies pending migrations; returns the names of those it applied. */
export async function applyMigrations(options: MigratorOptions): Promise<string[]> {
  if (providerOf(options.databaseUrl) === "postgresql") {
    await ensurePostgresDatabase(options.databaseUrl);
    return withEngine(options.databaseUrl, options.schemaPath, (engine) => applyWith(engine, options.migrationsDir));
  }
  const file = sqlitePathFromUrl(options.databaseUrl);
  const pending = pendingSqliteMigrations(file, await readMigrations(options.migrationsDir));
  if (pending?.length === 0) return [];
  try {
    return await withEngine(options.databaseUrl, options.schemaPath, (engine) => applyWith(engine, options.migrationsDir));
  } catch (error) {
    if (!isBusyDatabase(error)) throw error;
    const what = pending ? `${pending.length} pending migration(s) (${pending.join(", ")})` : "Migrations";
    throw new Error(
      `The database file ${file} is open in another process, and ${what} need it to themselves. ` +
        "Stop the Pitfall Radar (or any other program) using it, then start again.",
      { cause: error },
    );
  }
}

export interface SchemaSource {
  schemaPath: string;
  migrationsDir: string;
  /**
   * For a PostgreSQL schema: a server to create the scratch database on (any database URL on
   * it, e.g. postgresql://127.0.0.1:5432/postgres). Absent for SQLite, which uses a temp file.
   */
  postgresServerUrl?: string;
}

/** Runs `work` against an empty scratch database of the schema's kind, removed afterwards. */
async function withScratchDatabase<T>(source: SchemaSource, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (source.postgresServerUrl) {
    const name = `pitfall_radar_scratch_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: source.postgresServerUrl });
    await admin.connect();
    try {
      await createPostgresDatabase(admin, name);
      const url = new URL(source.postgresServerUrl);
      url.pathname = `/${name}`;
      try {
        return await work(url.toString());
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    } finally {
      await admin.end();
    }
  }
  const scratchDir = await mkdtemp(path.join(tmpdir(), "pitfall-radar-migrations-"));
  try {
    return await work(`file:${path.join(scratchDir, "scratch.db")}`);
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

/**
 * The SQL that would bring a database built from the existing migrations up to the schema;
 * empty when they agree.
 */
export async function pendingSchemaChanges(source: SchemaSource): Promise<string> {
  return withScratchDatabase(source, (databaseUrl) =>
    withEngine(databaseUrl, source.schemaPath, async (engine, schema) => {
      await applyWith(engine, source.migrationsDir);
      const files = [{ path: "schema.prisma", content: schema }];
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files, configDir: path.dirname(path.resolve(source.schemaPath)) },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters: noFilters,
      });
      return result.exitCode === 2 ? (result.stdout ?? "").trim() : "";
    }),
  );
}

function timestamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`
  );
}

/** Writes the next migration folder; returns its name, or null when the schema has no changes. */
export async function createMigration(
  options: SchemaSource,
  name: string,
  now = new Date(),
): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Migration name "${name}" must use lower-case letters, digits and underscores only.`);
  }
  const sql = await pendingSchemaChanges(options);
  if (!sql) return null;
  const existing = await readMigrations(options.migrationsDir);
  let stamp = timestamp(now);
  // Keep folders strictly ordered even when two migrations are made within the same second.
  const last = existing.at(-1)?.name.slice(0, 14);
  if (last && stamp <= last) stamp = String(BigInt(last) + 1n);
  const folder = `${stamp}_${name}`;
  await mkdir(path.join(options.migrationsDir, folder), { recursive: true });
  await writeFile(path.join(options.migrationsDir, folder, "migration.sql"), `${sql}\n`);
  const lockfile = path.join(options.migrationsDir, "migration_lock.toml");
  if (!existsSync(lockfile)) {
    await writeFile(
      lockfile,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${options.postgresServerUrl ? "postgresql" : "sqlite"}"\n`,
    );
  }
  return folder;
}

/**
 * Production start: prepare (scripts/prepare.ts, in a process of its own: validate the environment,
 * apply pending migrations, load the demo organisation when asked to and the database is empty),
 * then hand over to the app servers (scripts/server.ts: Next's request handler behind a server that
 * decides the client's address).
 *
 * The servers are WEB_CONCURRENCY worker processes (by default one per available core, at most 4)
 * of a node:cluster primary, which is this process: they share the port (the primary hands each
 * new connection to the next worker) and the database. Everything the app guarantees holds across
 * them because all its state is in the database: sessions, sign-in throttling counters, optimistic
 * locking, the transactions (on SQLite, SQLite's own locks order the processes' transactions; see
 * src/server/sqlite-serialised-adapter.ts) and the fingerprints that tell each process's dashboard
 * cache about writes made by the others. Migrations and demo data run once, before any worker
 * starts; every worker gets the same AUTH_SECRET. This primary only supervises, so it loads as
 * little as it can (not even the environment's validation library). Each worker's JavaScript heap
 * is limited (WORKER_HEAP_MIB, unless NODE_OPTIONS already sets --max-old-space-size), so memory
 * stays bounded under load. SIGINT or SIGTERM stops the workers, each finishing its requests, then
 * the primary.
 *
 * `npm start` runs the compiled copy in build/scripts/ (made by `npm run build`), which needs only
 * `dependencies`, so it works on an install pruned of development dependencies.
 */
import cluster, { type Worker } from "node:cluster";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { REPORT_SETTINGS, SETTINGS_FD, type ServerSettings } from "./lib/server-settings";

/** Server processes when WEB_CONCURRENCY is unset: one per available core, at most this many. */
const MAX_DEFAULT_WORKERS = 4;
/** The V8 old-space limit of each worker, MiB. */
const WORKER_HEAP_MIB = 384;
/** glibc malloc arenas per worker (unless MALLOC_ARENA_MAX is set). */
const WORKER_MALLOC_ARENAS = 1;

/**
 * The compiled copy (build/scripts/start.mjs) runs the compiled scripts beside it; from scripts/
 * (tsx) the TypeScript ones, through tsx.
 */
const COMPILED = import.meta.url.endsWith(".mjs");
const SCRIPT_EXEC_ARGV = COMPILED ? [] : ["--import", "tsx"];
function siblingScript(name: "prepare" | "server"): string {
  return fileURLToPath(new URL(`./${name}.${COMPILED ? "mjs" : "ts"}`, import.meta.url));
}

async function main() {
  // Preparation (scripts/prepare.ts) runs once, before any server starts, in a process of its own;
  // it validates the environment and hands back the settings the servers need on a pipe.
  const prepared = spawnSync(
    process.execPath,
    [...SCRIPT_EXEC_ARGV, siblingScript("prepare"), REPORT_SETTINGS],
    {
      stdio: ["inherit", "inherit", "inherit", "pipe"],
    },
  );
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  const settings = JSON.parse(String(prepared.output[SETTINGS_FD])) as ServerSettings;

  const authSecret = settings.authSecret ?? (await localAuthSecret());
  startServers(settings.workers, authSecret);
}

function startServers(configuredWorkers: number | undefined, authSecret: string) {
  const workers = configuredWorkers ?? Math.min(availableParallelism(), MAX_DEFAULT_WORKERS);
  // Next's request handler behind our own HTTP server, which decides the client's address.
  cluster.setupPrimary({ exec: siblingScript("server"), execArgv: SCRIPT_EXEC_ARGV });
  const nodeOptions = process.env.NODE_OPTIONS ?? "";
  const workerEnv = {
    // glibc gives threads that allocate at once (V8's helpers, libuv's pool) malloc arenas of
    // their own, up to eight per core, and memory freed in one is not reused by the others. One
    // arena per process kept about 70 MiB less resident per worker than glibc's default, at the
    // same throughput (docs/performance.md): a worker's threads rarely allocate at the same time.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? String(WORKER_MALLOC_ARENAS),
    AUTH_SECRET: authSecret,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_OPTIONS: /--max-old-space-size/.test(nodeOptions)
      ? nodeOptions
      : `${nodeOptions} --max-old-space-size=${WORKER_HEAP_MIB}`.trim(),
  };
  console.log(`Starting ${workers} server process${workers === 1 ? "" : "es"}.`);
  superviseWorkers(workers, () => cluster.fork(workerEnv));
}

/**
 * Keeps `count` workers running: one that dies after it started serving is replaced; one that
 * dies before it ever listened (a broken build, a port in use) stops the whole server with a
 * failure, since its replacements would fail the same way. SIGINT and SIGTERM are passed to every
 * worker, and the primary exits when the last one has.
 */
function superviseWorkers(count: number, fork: () => Worker) {
  let stopping = false;
  let exitCode = 0;
  const listening = new WeakSet<Worker>();
  const live = new Set<Worker>();
  const start = () => {
    const worker = fork();
    live.add(worker);
    worker.once("listening", () => listening.add(worker));
    worker.once("exit", (code, signal) => {
      live.delete(worker);
      if (!stopping && listening.has(worker)) {
        console.error(`A server process stopped (${signal ?? `exit code ${code}`}); starting another.`);
        start();
        return;
      }
      if (!stopping) {
        stopping = true;
        exitCode = code || 1;
        for (const other of live) other.process.kill("SIGTERM");
      }
      if (live.size === 0) process.exit(exitCode);
    });
  };
  for (let i = 0; i < count; i++) start();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of live) worker.process.kill(signal);
    });
  }
}

/**
 * A single instance without AUTH_SECRET keeps a generated one in data/, readable only by its
 * owner, so sessions survive restarts. Several instances must share one explicit AUTH_SECRET.
 */
async function localAuthSecret(): Promise<string> {
  const file = "data/.auth-secret";
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir("data", { recursive: true });
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

main().catch((error: unknown) => {
  console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

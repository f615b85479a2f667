/**
 * Production start: validate the environment, apply pending migrations, load the demo
 * organisation when asked to and the database is empty, then hand over to the app server
 * (scripts/server.ts: Next's request handler behind a server that decides the client's address).
 *
 * `npm start` runs the compiled copy in build/scripts/ (made by `npm run build`), which needs only
 * `dependencies`, so it works on an install pruned of development dependencies.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadEnvOrExit } from "../src/env";

async function main() {
  const env = loadEnvOrExit();
  // Loaded only after the environment is known to be valid.
  const { applyMigrations, providerOf } = await import("./lib/migrator");
  const { POSTGRES_MIGRATIONS_DIR, POSTGRES_SCHEMA_PATH, SQLITE_MIGRATIONS_DIR, SQLITE_SCHEMA_PATH } =
    await import("./lib/schema-variants");
  const { createPrismaClient } = await import("../src/server/prisma-client");
  const { seedDemoIfEmpty } = await import("../prisma/seed/demo");
  const { countStaleResults, staleResultsNotice } = await import("../src/server/assessments/stale-results");
  const postgres = providerOf(env.DATABASE_URL) === "postgresql";
  const applied = await applyMigrations({
    databaseUrl: env.DATABASE_URL,
    schemaPath: postgres ? POSTGRES_SCHEMA_PATH : SQLITE_SCHEMA_PATH,
    migrationsDir: postgres ? POSTGRES_MIGRATIONS_DIR : SQLITE_MIGRATIONS_DIR,
  });
  if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);

  const client = createPrismaClient(env.DATABASE_URL);
  try {
    if (env.DEMO_MODE) {
      const outcome = await seedDemoIfEmpty(client);
      console.log(
        outcome.seeded
          ? `Loaded the demo organisation: ${outcome.teams} teams in ${outcome.orgUnits} org units, ${outcome.cycles} cycles.`
          : "Demo mode: the database already holds data, so no demo data was loaded.",
      );
    }
    // Results of an older method still display, but trends across the change are only labelled.
    const notice = staleResultsNotice(await countStaleResults(client));
    if (notice) console.log(notice);
  } finally {
    await client.$disconnect();
  }

  const authSecret = env.AUTH_SECRET ?? (await localAuthSecret());
  // Next's request handler behind our own HTTP server, which decides the client's address. The
  // compiled copy (build/scripts/start.mjs) starts the compiled server beside it; from scripts/
  // (tsx) the TypeScript one.
  const compiled = import.meta.url.endsWith(".mjs");
  const serverScript = fileURLToPath(new URL(compiled ? "./server.mjs" : "./server.ts", import.meta.url));
  const server = spawn(process.execPath, compiled ? [serverScript] : ["--import", "tsx", serverScript], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: authSecret, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
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

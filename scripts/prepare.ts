/**
 * The preparation `npm start` runs once, in a process of its own, before any server starts:
 * validates the environment, applies pending migrations, loads the demo organisation when asked to
 * and the database is empty, and reports results of an older scoring method. The migration engine,
 * the seed and the environment's validation stay out of the long-lived primary's memory.
 *
 * On success, when started by the primary (with REPORT_SETTINGS), it writes what the primary needs
 * from the validated environment as JSON to a pipe the primary opened
 * (scripts/lib/server-settings.ts). On an invalid environment it prints one line per problem and
 * exits non-zero, before touching anything.
 */
import { writeSync } from "node:fs";
import { loadEnvOrExit, type Env } from "../src/env";
import { describeDatabaseFailure } from "./lib/database-failure";
import { startUpWarnings } from "./lib/deployment-warnings";
import { REPORT_SETTINGS, SETTINGS_FD, type ServerSettings } from "./lib/server-settings";

async function main() {
  const env = loadEnvOrExit();
  for (const warning of startUpWarnings({ appUrl: env.APP_URL, trustedProxyHops: env.TRUSTED_PROXY_HOPS }))
    console.warn(warning);
  await prepare(env);
  const settings: ServerSettings = { workers: env.WEB_CONCURRENCY, authSecret: env.AUTH_SECRET };
  handToPrimary(JSON.stringify(settings));
  // The PostgreSQL migration engine leaves a timer behind: leave without waiting for it.
  process.exit(0);
}

/** Writes the settings to the primary's pipe, when the primary asked for them (REPORT_SETTINGS). */
function handToPrimary(settings: string) {
  if (process.argv.includes(REPORT_SETTINGS)) writeSync(SETTINGS_FD, settings);
}

/** Applies pending migrations, loads the demo organisation when asked to, and reports stale results. */
async function prepare(env: Env) {
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
}

main().catch((error: unknown) => {
  console.error(`Preparation failed: ${describeDatabaseFailure(error, process.env.DATABASE_URL ?? "")}`);
  process.exit(1);
});

import { defineConfig, devices } from "@playwright/test";
import baseConfig from "./playwright.config";

/**
 * Two app instances on different ports sharing one PostgreSQL database, as behind a load
 * balancer. The first instance loads the demo organisation; the second only migrates (a no-op by
 * then, or it waits on Prisma's migration lock) and serves.
 */
const database = "postgresql://postgres@127.0.0.1:5432/pitfall_radar_e2e_multi_instance";
const sharedEnv = {
  DATABASE_URL: database,
  AUTH_SECRET: "multi-instance-e2e-secret-0123456789abcdef",
};

export default defineConfig({
  ...baseConfig,
  testDir: "e2e/multi-instance",
  testIgnore: [],
  webServer: [
    {
      command:
        "psql postgresql://postgres@127.0.0.1:5432/postgres -qc 'DROP DATABASE IF EXISTS pitfall_radar_e2e_multi_instance WITH (FORCE)' && npm start",
      url: "http://127.0.0.1:3201/api/health",
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...sharedEnv, DEMO_MODE: "true", PORT: "3201", APP_URL: "http://127.0.0.1:3201" },
    },
    {
      // Starts once the first is healthy, so it finds the schema and the demo data in place.
      command: "node scripts/wait-for-url.mjs http://127.0.0.1:3201/api/health && npm start",
      url: "http://127.0.0.1:3202/api/health",
      reuseExistingServer: false,
      timeout: 180_000,
      env: { ...sharedEnv, DEMO_MODE: "false", PORT: "3202", APP_URL: "http://127.0.0.1:3202" },
    },
  ],
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], ...baseConfig.use } }],
});

import { defineConfig, devices } from "@playwright/test";

const port = 3100;

/**
 * End-to-end tests run against the production build (`next build` runs once before them) served
 * by the same start script users run, on a fresh demo database of its own.
 */
export default defineConfig({
  testDir: "e2e",
  // Run by playwright.multi-instance.config.ts, against two instances on PostgreSQL.
  testIgnore: ["multi-instance/**"],
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm start",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { DATABASE_URL: "file:./data/e2e.db", DEMO_MODE: "true", PORT: String(port), APP_URL: `http://127.0.0.1:${port}` },
  },
});

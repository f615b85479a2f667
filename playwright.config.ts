import { defineConfig, devices } from "@playwright/test";
import { E2E_ORG_TIME_ZONE } from "./e2e/support/org-calendar";

const port = 3100;
/** The local OpenID Connect provider (e2e/support/oidc-provider.ts) the sso spec signs in through. */
const oidcPort = 3101;

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
  webServer: [
    {
      command: "npx tsx e2e/support/oidc-provider.ts",
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { OIDC_TEST_PORT: String(oidcPort), OIDC_TEST_APP_URL: `http://127.0.0.1:${port}` },
    },
    {
      command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm start",
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: "file:./data/e2e.db",
        DEMO_MODE: "true",
        PORT: String(port),
        APP_URL: `http://127.0.0.1:${port}`,
        ORG_TIME_ZONE: E2E_ORG_TIME_ZONE,
        // Single sign-on beside passwords (password sign-in stays on for every other spec).
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        OIDC_CLIENT_ID: "pitfall-radar-e2e",
        OIDC_CLIENT_SECRET: "e2e-client-secret-not-for-production",
        OIDC_DISPLAY_NAME: "Example SSO",
        OIDC_SCOPES: "openid email profile groups",
        OIDC_ROLE_MAPPING: "group:radar-coaches=coach:logistics",
      },
    },
  ],
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const shared = {
  resolve: {
    alias: {
      "@content": fromRoot("./content"),
      "@": fromRoot("./src"),
      // `server-only` throws outside React Server Components; tests call the data layer directly.
      "server-only": fromRoot("./tests/support/server-only.ts"),
    },
  },
};

export default defineConfig({
  ...shared,
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    maxWorkers: 2,
    projects: [
      {
        ...shared,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        ...shared,
        // Team profiles judged by a coach, scored by the real engine: see docs/calibration.md.
        test: { name: "calibration", include: ["tests/calibration/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each test file gets its own freshly migrated SQLite database as DATABASE_URL.
          setupFiles: ["tests/support/use-test-database.ts"],
        },
      },
      {
        ...shared,
        test: {
          name: "integration-postgresql",
          // The same data-access tests on PostgreSQL; the foundation tests are about the SQLite
          // tooling and the process, not the data layer, so they run once.
          include: ["tests/integration/**/*.test.ts"],
          exclude: ["tests/integration/foundation/**"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { TEST_DATABASE_PROVIDER: "postgresql" },
          setupFiles: ["tests/support/use-test-database.ts"],
        },
      },
    ],
  },
});

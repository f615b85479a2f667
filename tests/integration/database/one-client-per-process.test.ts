import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * A production build bundles each route handler on its own, so the module that holds the database
 * client is evaluated once per bundle. Re-evaluating it here (vi.resetModules) stands in for a
 * second bundle in the same process.
 */
describe("the database client", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("is one per process in production, however many bundles evaluate its module", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.resetModules();
    const first = (await import("@/server/db")).db;
    vi.resetModules();
    const second = (await import("@/server/db")).db;
    expect(second).toBe(first);
    // The shared client works for the second bundle: one connection, not one per bundle.
    await expect(second.user.count()).resolves.toBeGreaterThanOrEqual(0);
  });
});

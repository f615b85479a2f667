import { afterAll, describe, expect, it } from "vitest";
import { probeDatabase } from "@/server/health-probe";
import { createPrismaClient } from "@/server/prisma-client";
import { createTestDatabase } from "../../support/test-database";

describe("database health probe", () => {
  const database = createTestDatabase();
  const unreachable = createPrismaClient("file:/nonexistent-directory/for-sure/app.db");

  afterAll(async () => {
    await unreachable.$disconnect().catch(() => {});
    await database.dispose();
  });

  it("reports ok when the database answers", async () => {
    await expect(probeDatabase(() => database.client.$queryRaw`SELECT 1`)).resolves.toEqual({
      status: "ok",
      database: "ok",
    });
  });

  it("reports unavailable when the database cannot be opened", async () => {
    await expect(probeDatabase(() => unreachable.$queryRaw`SELECT 1`)).resolves.toEqual({
      status: "degraded",
      database: "unavailable",
    });
  });

  it("reports unavailable when the database does not answer in time", async () => {
    const never = () => new Promise(() => {});
    await expect(probeDatabase(never, 50)).resolves.toEqual({ status: "degraded", database: "unavailable" });
  });
});

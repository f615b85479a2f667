/**
 * Runs before every integration test file: gives the file a freshly migrated database of its own
 * (SQLite or PostgreSQL, by the test project) and points DATABASE_URL at it, so `@/server/db`
 * and everything built on it uses it.
 */
import { afterAll } from "vitest";
import { createPostgresTestDatabase, createTestDatabase } from "./test-database";

const database =
  process.env.TEST_DATABASE_PROVIDER === "postgresql" ? await createPostgresTestDatabase() : createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";

afterAll(async () => {
  const { db } = await import("@/server/db");
  await db.$disconnect();
  await database.dispose();
});

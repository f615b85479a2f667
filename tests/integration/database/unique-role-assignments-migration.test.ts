/**
 * Before role assignments were unique, a role granted twice at the same moment was stored twice.
 * The migration that adds the unique index must first drop those duplicates, keeping the earliest
 * grant, and give every row its scope key, on whichever database this project runs on.
 */
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type AppPrismaClient } from "@/server/prisma-client";
import { applyMigrations } from "../../../scripts/lib/migrator";
import {
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_PATH,
  SQLITE_MIGRATIONS_DIR,
  SQLITE_SCHEMA_PATH,
} from "../../../scripts/lib/schema-variants";
import { postgresUrlFor, withPostgresAdmin } from "../../support/postgres";

const MIGRATION = /_unique_role_assignments$/;
const postgres = process.env.TEST_DATABASE_PROVIDER === "postgresql";
const schemaPath = postgres ? POSTGRES_SCHEMA_PATH : SQLITE_SCHEMA_PATH;
const committedMigrations = postgres ? POSTGRES_MIGRATIONS_DIR : SQLITE_MIGRATIONS_DIR;

let workDir: string;
let migrationsDir: string;
let databaseUrl: string;
let postgresDatabase: string | null = null;
let client: AppPrismaClient;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "pitfall-radar-role-migration-"));
  migrationsDir = path.join(workDir, "migrations");
  await cp(committedMigrations, migrationsDir, { recursive: true });
  const folder = (await readdir(migrationsDir)).find((name) => MIGRATION.test(name));
  if (!folder) throw new Error("the unique role assignments migration is missing");
  await rm(path.join(migrationsDir, folder), { recursive: true });
  if (postgres) {
    postgresDatabase = `pitfall_radar_role_migration_${randomBytes(6).toString("hex")}`;
    databaseUrl = postgresUrlFor(postgresDatabase);
  } else {
    databaseUrl = `file:${path.join(workDir, "before.db")}`;
  }
  await applyMigrations({ databaseUrl, schemaPath, migrationsDir });
  client = createPrismaClient(databaseUrl);
});

afterAll(async () => {
  await client?.$disconnect();
  if (postgresDatabase) {
    const name = postgresDatabase;
    await withPostgresAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
  await rm(workDir, { recursive: true, force: true });
});

async function grant(
  id: string,
  userId: string,
  role: string,
  scope: { teamId?: string; orgUnitId?: string },
  at: Date,
) {
  const teamId = scope.teamId ?? null;
  const orgUnitId = scope.orgUnitId ?? null;
  await client.$executeRaw`INSERT INTO "role_assignment" ("id", "userId", "role", "teamId", "orgUnitId", "createdAt")
    VALUES (${id}, ${userId}, ${role}, ${teamId}, ${orgUnitId}, ${at})`;
}

describe("the unique role assignments migration", () => {
  it("keeps the earliest of each duplicated grant, the other grants as they were, and sets every scope key", async () => {
    const unit = await client.orgUnit.create({ data: { name: "Payments", slug: "payments" } });
    const team = await client.team.create({
      data: { name: "Checkout", slug: "checkout", orgUnitId: unit.id },
    });
    const user = await client.user.create({ data: { id: "ada", name: "Ada", email: "ada@example.com" } });
    const early = new Date("2026-01-01T00:00:00.000Z");
    const late = new Date("2026-02-01T00:00:00.000Z");
    // The later duplicate has the smaller id, so the earliest is chosen by time, not by id.
    await grant("b-admin-first", user.id, "admin", {}, early);
    await grant("a-admin-again", user.id, "admin", {}, late);
    await grant("d-lead-first", user.id, "team_lead", { teamId: team.id }, early);
    await grant("c-lead-again", user.id, "team_lead", { teamId: team.id }, late);
    await grant("e-lead-again", user.id, "team_lead", { teamId: team.id }, late);
    await grant("f-coach", user.id, "coach", { orgUnitId: unit.id }, early);
    await grant("g-member", user.id, "member", { teamId: team.id }, early);
    await grant("h-head", user.id, "head_of_engineering", {}, early);

    await client.$disconnect();
    const folder = (await readdir(committedMigrations)).find((name) => MIGRATION.test(name))!;
    await cp(path.join(committedMigrations, folder), path.join(migrationsDir, folder), { recursive: true });
    expect(await applyMigrations({ databaseUrl, schemaPath, migrationsDir })).toEqual([folder]);
    client = createPrismaClient(databaseUrl);

    const rows = await client.roleAssignment.findMany({
      orderBy: { id: "asc" },
      select: { id: true, role: true, scopeKey: true },
    });
    expect(rows).toEqual([
      { id: "b-admin-first", role: "admin", scopeKey: "" },
      { id: "d-lead-first", role: "team_lead", scopeKey: team.id },
      { id: "f-coach", role: "coach", scopeKey: unit.id },
      { id: "g-member", role: "member", scopeKey: team.id },
      { id: "h-head", role: "head_of_engineering", scopeKey: "" },
    ]);
  });
});

import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/prisma-client";
import { createTestDatabase } from "../../support/test-database";

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, "../../..");

async function backupCli(args: string[], databaseUrl: string) {
  try {
    const { stdout, stderr } = await run(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/backup.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe("db:backup and db:restore (SQLite)", () => {
  const source = createTestDatabase();
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "pitfall-radar-backup-"));
    const unit = await source.client.orgUnit.create({ data: { name: "Payments", slug: "payments" } });
    await source.client.team.create({ data: { name: "Checkout", slug: "checkout", orgUnitId: unit.id } });
  });

  afterAll(async () => {
    await source.dispose();
    await rm(workDir, { recursive: true, force: true });
  });

  it("backs up a live database and restores it into an empty one with the data intact", async () => {
    const backup = await backupCli(["backup", path.join(workDir, "backups")], source.url);
    expect(backup.code).toBe(0);
    const [file] = await readdir(path.join(workDir, "backups"));
    expect(file).toMatch(/^pitfall-radar-\d{8}T\d{6}Z\.db$/);

    const restoredUrl = `file:${path.join(workDir, "restored", "app.db")}`;
    const restore = await backupCli(["restore", path.join(workDir, "backups", file!)], restoredUrl);
    expect(restore.code).toBe(0);

    const restored = createPrismaClient(restoredUrl);
    try {
      const teams = await restored.team.findMany({ include: { orgUnit: true } });
      expect(teams.map((team) => [team.name, team.orgUnit.name])).toEqual([["Checkout", "Payments"]]);
    } finally {
      await restored.$disconnect();
    }
  });

  it("refuses to restore over a database that holds data, and refuses files that are not backups", async () => {
    const backup = await backupCli(["backup", path.join(workDir, "again")], source.url);
    expect(backup.code).toBe(0);
    const [file] = await readdir(path.join(workDir, "again"));
    const overwrite = await backupCli(["restore", path.join(workDir, "again", file!)], source.url);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toContain("already holds data");

    const notABackup = await backupCli(["restore", path.join(repoRoot, "package.json")], `file:${path.join(workDir, "x.db")}`);
    expect(notABackup.code).toBe(1);
    expect(notABackup.stderr).toContain("is not a Pitfall Radar SQLite backup");
    expect(await source.client.team.count()).toBe(1);
  });
});

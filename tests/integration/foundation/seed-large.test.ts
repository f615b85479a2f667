/**
 * `npm run seed:large` on a small organisation (2 org units × 3 teams) against a fresh database file:
 * what it prints, what it wrote, that the app reads it like its own rows, and that it refuses to
 * overwrite a database it did not create.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { content, latestQuestionnaire } from "@/domain/content";
import type { Answer } from "@/domain/content/schema";
import { compileQuestionnaire, SCORING_METHOD_VERSION, scoreAssessment } from "@/domain/scoring";
import { storedAssessmentColumns } from "@/domain/results/stored-results";
import { countStaleResults } from "@/server/assessments/stale-results";
import { answerOfRow } from "@/server/assessments/stored-answers";
import { createPrismaClient, type AppPrismaClient } from "@/server/prisma-client";

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, "../../..");
const ORG_UNITS = 2;
const TEAMS_PER_UNIT = 3;
const TEAMS = ORG_UNITS * TEAMS_PER_UNIT;
const CYCLES = 8;

async function seedLarge(databaseUrl: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      path.join(repoRoot, "node_modules/.bin/tsx"),
      ["scripts/seed-large.ts", ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: databaseUrl },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const size = ["--org-units", String(ORG_UNITS), "--teams-per-unit", String(TEAMS_PER_UNIT)];

describe("npm run seed:large on a small organisation", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pitfall-radar-seed-large-"));
  const file = path.join(dir, "large.db");
  const url = `file:${file}`;
  let output: Awaited<ReturnType<typeof seedLarge>>;
  let client: AppPrismaClient;

  beforeAll(async () => {
    output = await seedLarge(url, ...size);
    client = createPrismaClient(url);
  }, 120_000);

  afterAll(async () => {
    await client?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("exits 0 and reports the organisation it built", () => {
    expect(output.stderr).toBe("");
    expect(output.code).toBe(0);
    expect(output.stdout).toMatch(
      new RegExp(
        `: ${ORG_UNITS} org units, ${TEAMS} teams, ${CYCLES} cycles, (\\d+) assessments, (\\d+) answers, (\\d+) pitfall results in `,
      ),
    );
    expect(output.stdout).toContain(
      "Sign in as head@example.com (whole organisation) or coach@example.com (Payments and Customer Experience)",
    );
  });

  it("writes the requested org units and teams, eight quarters, a head of engineering and a coach", async () => {
    const units = await client.orgUnit.findMany({ include: { teams: true }, orderBy: { name: "asc" } });
    expect(units.map((unit) => [unit.name, unit.teams.length])).toEqual([
      ["Customer Experience", TEAMS_PER_UNIT],
      ["Payments", TEAMS_PER_UNIT],
    ]);
    const cycles = await client.cycle.findMany({ orderBy: [{ year: "asc" }, { quarter: "asc" }] });
    expect(cycles.map((cycle) => cycle.name)).toEqual([
      "2025 Q1",
      "2025 Q2",
      "2025 Q3",
      "2025 Q4",
      "2026 Q1",
      "2026 Q2",
      "2026 Q3",
      "2026 Q4",
    ]);
    expect(cycles.map((cycle) => cycle.status)).toEqual([...Array(CYCLES - 1).fill("closed"), "open"]);
    expect(new Set(cycles.map((cycle) => cycle.questionnaireId))).toEqual(
      new Set([latestQuestionnaire().id]),
    );

    const roles = await client.roleAssignment.findMany({ include: { user: true } });
    expect(roles.map((role) => `${role.user.email} ${role.role}`).sort()).toEqual([
      "coach@example.com coach",
      "coach@example.com coach",
      "head@example.com head_of_engineering",
    ]);
    expect(await client.account.count({ where: { providerId: "credential" } })).toBe(2);
  });

  it("gives every team a submitted assessment in each closed quarter, carried from the one before", async () => {
    const closed = await client.assessment.findMany({
      where: { cycle: { status: "closed" } },
      include: { cycle: true },
    });
    expect(closed).toHaveLength(TEAMS * (CYCLES - 1));
    expect(
      closed.every((assessment) => assessment.status === "submitted" && assessment.submittedAt !== null),
    ).toBe(true);
    // Each quarter's assessment carries over from the same team's assessment in the quarter before.
    const previousCycle = (year: number, quarter: number) =>
      quarter === 1 ? `cycle-${year - 1}-q4` : `cycle-${year}-q${quarter - 1}`;
    for (const assessment of closed) {
      const { year, quarter } = assessment.cycle;
      expect(assessment.carriedFromId).toBe(
        year === 2025 && quarter === 1 ? null : `${assessment.teamId}-${previousCycle(year, quarter)}`,
      );
    }

    const open = await client.assessment.findMany({ where: { cycle: { status: "open" } } });
    expect(open.length).toBeLessThanOrEqual(TEAMS);
    expect(open.every((assessment) => ["submitted", "draft"].includes(assessment.status))).toBe(true);
  });

  it("stores scores the engine gives for the stored answers, with the current scoring method", async () => {
    expect(await countStaleResults(client)).toBe(0);
    const questionnaire = latestQuestionnaire();
    const compiled = compileQuestionnaire({
      questionnaire,
      pitfalls: content.pitfalls,
      countermeasures: content.countermeasures,
    });
    const contextIds = new Set(questionnaire.context.map((question) => question.id));
    const submitted = await client.assessment.findMany({
      where: { status: "submitted" },
      include: { answers: true, results: true },
    });
    expect(submitted.length).toBeGreaterThanOrEqual(TEAMS * (CYCLES - 1));
    for (const assessment of submitted) {
      const answers: Record<string, Answer> = {};
      const teamContext: Record<string, Answer> = {};
      for (const row of assessment.answers) {
        const answer = answerOfRow(row);
        expect(answer, `${assessment.id} ${row.questionId}`).not.toBeNull();
        (contextIds.has(row.questionId) ? teamContext : answers)[row.questionId] = answer!;
      }
      const expected = storedAssessmentColumns(scoreAssessment(compiled, answers, teamContext));
      expect(assessment.scoringMethodVersion).toBe(SCORING_METHOD_VERSION);
      expect({ score: assessment.overallScore, band: assessment.overallBand }).toEqual({
        score: expected.overallScore,
        band: expected.overallBand,
      });
      expect(assessment.results.length).toBe(questionnaire.sections.length);
    }
  });

  it("rebuilds its own database when run again, and leaves a database it did not create alone", async () => {
    const again = await seedLarge(url, "--org-units", "1", "--teams-per-unit", "2");
    expect(again.code).toBe(0);
    const reopened = new Database(file, { readonly: true });
    try {
      expect(reopened.prepare("SELECT count(*) AS n FROM team").get()).toEqual({ n: 2 });
    } finally {
      reopened.close();
    }

    const other = path.join(dir, "other.db");
    const foreign = new Database(other);
    foreign.exec("CREATE TABLE notes (text TEXT)");
    foreign.close();
    const refused = await seedLarge(`file:${other}`, ...size);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("holds data this script did not create");

    const badSize = await seedLarge(`file:${path.join(dir, "bad.db")}`, "--org-units", "41");
    expect(badSize.code).toBe(1);
    expect(badSize.stderr.trim()).toBe(
      "seed:large failed: --org-units expects a whole number from 1 to 40, got 41.",
    );
  }, 120_000);
});

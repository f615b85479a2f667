/**
 * Builds a large organisation for the dashboard benchmark: 1,000 product teams in 40 org units with
 * eight quarters of assessments (2025 Q1 to 2026 Q4; 2026 Q4 open with most teams submitted), scored
 * by the real engine, plus a head of engineering and a coach to sign in with.
 *
 *   npm run seed:large                                   writes data/large.db
 *   DATABASE_URL=file:./data/other.db npm run seed:large  writes somewhere else
 *   npm run seed:large -- --org-units 2 --teams-per-unit 3   a smaller organisation (at most 40 × 25)
 *
 * The file is rebuilt from scratch on every run. A database that holds anything this script did not
 * create is left alone unless `--replace` is given, so pointing DATABASE_URL at real data is harmless.
 *
 * Rows are written with prepared better-sqlite3 statements inside one transaction per cycle: several
 * hundred thousand rows through an ORM would take minutes, this takes seconds.
 */
import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { content, latestQuestionnaire } from "../src/domain/content";
import type { Answer, Questionnaire } from "../src/domain/content/schema";
import { storedAssessmentColumns, toStoredPitfallResults } from "../src/domain/results/stored-results";
import { compileQuestionnaire, scoreAssessment } from "../src/domain/scoring";
import { databaseProvider } from "../src/database-url";
import { parseEnv } from "../src/env";
import { cycleDates, cycleName, DEMO_PASSWORD } from "../prisma/seed/demo-organisation";
import { hashDemoPassword } from "../prisma/seed/demo-password";
import { createRandom, syntheticAssessmentAnswers, type Random } from "../prisma/seed/synthetic-answers";
import { syntheticTeamContext } from "../prisma/seed/synthetic-context";
import { applyMigrations, sqlitePathFromUrl } from "./lib/migrator";

const DEFAULT_DATABASE_URL = "file:./data/large.db";
const ORG_UNITS = 40;
const TEAMS_PER_UNIT = 25;
const SEED = 20261127;
/** Written once; its presence tells a later run that this database may be rebuilt. */
const MARKER_ACTION = "seed.large";

const CYCLES = [
  { year: 2025, quarter: 1 },
  { year: 2025, quarter: 2 },
  { year: 2025, quarter: 3 },
  { year: 2025, quarter: 4 },
  { year: 2026, quarter: 1 },
  { year: 2026, quarter: 2 },
  { year: 2026, quarter: 3 },
  { year: 2026, quarter: 4 },
] as const;

const UNIT_NAMES = [
  "Payments",
  "Customer Experience",
  "Logistics",
  "Data Platform",
  "Core Platform",
  "Identity",
  "Search",
  "Marketplace",
  "Pricing",
  "Inventory",
  "Fulfilment",
  "Returns",
  "Loyalty",
  "Marketing Tech",
  "Mobile",
  "Web",
  "Partner Integrations",
  "Finance Systems",
  "People Systems",
  "Security",
  "Observability",
  "Developer Experience",
  "Messaging",
  "Content",
  "Recommendations",
  "Fraud",
  "Risk",
  "Compliance",
  "Customer Support",
  "Store Systems",
  "Supply Chain",
  "Travel",
  "Insurance",
  "Lending",
  "Savings",
  "Trading",
  "Analytics",
  "Machine Learning",
  "Connectivity",
  "Media",
];
const TEAM_WORDS = [
  "Atlas",
  "Beacon",
  "Comet",
  "Delta",
  "Ember",
  "Falcon",
  "Glacier",
  "Harbour",
  "Iris",
  "Juniper",
  "Kestrel",
  "Lumen",
  "Meridian",
  "Nova",
  "Orbit",
  "Pioneer",
  "Quartz",
  "Relay",
  "Summit",
  "Tidal",
  "Umbra",
  "Vertex",
  "Willow",
  "Zenith",
  "Aurora",
];

type Statement = Database.Statement;

interface Size {
  orgUnits: number;
  teamsPerUnit: number;
}

/** `--org-units <n>` and `--teams-per-unit <n>` (or `--name=<n>`); the benchmark's size by default. */
function sizeFrom(args: string[]): Size {
  const option = (name: string, fallback: number, max: number): number => {
    const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (index === -1) return fallback;
    const text = args[index]!.includes("=") ? args[index]!.split("=")[1] : args[index + 1];
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new Error(`--${name} expects a whole number from 1 to ${max}, got ${text ?? "nothing"}.`);
    }
    return value;
  };
  return {
    orgUnits: option("org-units", ORG_UNITS, UNIT_NAMES.length),
    teamsPerUnit: option("teams-per-unit", TEAMS_PER_UNIT, TEAM_WORDS.length),
  };
}

function isoDate(date: Date): string {
  // The same text form Prisma's SQLite adapter writes, so the app reads these rows like its own.
  return date.toISOString().replace("Z", "+00:00");
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function databaseFile(): string {
  const env = parseEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL });
  if (databaseProvider(env.DATABASE_URL) !== "sqlite") {
    throw new Error(
      "it writes a SQLite file for the benchmark; set DATABASE_URL to a file: URL or leave it unset.",
    );
  }
  return path.resolve(sqlitePathFromUrl(env.DATABASE_URL));
}

/** True when the file is missing, empty, or was written by this script. */
function mayRebuild(file: string): boolean {
  if (!existsSync(file)) return true;
  const existing = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasAudit = existing
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_event'")
      .get();
    if (!hasAudit) {
      const tables = existing
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
        .get() as { n: number };
      return tables.n === 0;
    }
    const marker = existing.prepare("SELECT 1 FROM audit_event WHERE action = ?").get(MARKER_ACTION);
    if (marker) return true;
    const people = existing.prepare("SELECT count(*) AS n FROM user").get() as { n: number };
    const units = existing.prepare("SELECT count(*) AS n FROM org_unit").get() as { n: number };
    return people.n + units.n === 0;
  } finally {
    existing.close();
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

interface TeamPlan {
  id: string;
  orgUnitId: string;
  start: Record<string, number>;
  drift: Record<string, number>;
  context: Record<string, Answer>;
}

function planTeam(questionnaire: Questionnaire, random: Random, id: string, orgUnitId: string): TeamPlan {
  const start: Record<string, number> = {};
  const drift: Record<string, number> = {};
  // Most teams improve quarter on quarter; some slide, as in a real organisation.
  const tendency = random() < 0.7 ? -1 : 1;
  for (const section of questionnaire.sections) {
    start[section.pitfallId] = Math.pow(random(), 1.4) * 0.9;
    drift[section.pitfallId] = tendency * random() * 0.05;
  }
  return { id, orgUnitId, start, drift, context: syntheticTeamContext(questionnaire, random) };
}

function propensityAt(team: TeamPlan, cycleIndex: number): Record<string, number> {
  const propensity: Record<string, number> = {};
  for (const [pitfallId, start] of Object.entries(team.start)) {
    propensity[pitfallId] = Math.min(1, Math.max(0, start + (team.drift[pitfallId] ?? 0) * cycleIndex));
  }
  return propensity;
}

/** Closed quarters: every team submitted. The open quarter: most submitted, some drafts, a few not started. */
function stateFor(isOpenCycle: boolean, random: Random): "submitted" | "draft" | "none" {
  if (!isOpenCycle) return "submitted";
  const roll = random();
  if (roll < 0.84) return "submitted";
  return roll < 0.93 ? "draft" : "none";
}

interface Statements {
  assessment: Statement;
  answer: Statement;
  result: Statement;
}

async function main(): Promise<void> {
  const started = performance.now();
  const size = sizeFrom(process.argv.slice(2));
  const file = databaseFile();
  const replace = process.argv.includes("--replace");
  if (!replace && !mayRebuild(file)) {
    console.error(
      `${file} holds data this script did not create. Point DATABASE_URL at another file, or pass --replace to overwrite it.`,
    );
    process.exit(1);
  }
  removeDatabase(file);
  await applyMigrations({
    databaseUrl: `file:${file}`,
    schemaPath: "prisma/schema.prisma",
    migrationsDir: "prisma/migrations",
  });

  const questionnaire = latestQuestionnaire();
  const compiled = compileQuestionnaire({
    questionnaire,
    pitfalls: content.pitfalls,
    countermeasures: content.countermeasures,
  });
  const contextIds = new Set(questionnaire.context.map((question) => question.id));
  const passwordHash = await hashDemoPassword();
  const random = createRandom(SEED);
  const now = isoDate(new Date());

  const database = new Database(file);
  // A throwaway benchmark database: durability during the build buys nothing.
  database.pragma("synchronous = OFF");
  database.pragma("foreign_keys = ON");

  const insertUnit = database.prepare(
    "INSERT INTO org_unit (id, name, slug, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)",
  );
  const insertTeam = database.prepare(
    "INSERT INTO team (id, name, slug, orgUnitId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const insertUser = database.prepare(
    "INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, ?)",
  );
  const insertAccount = database.prepare(
    "INSERT INTO account (id, accountId, providerId, userId, password, createdAt, updatedAt) VALUES (?, ?, 'credential', ?, ?, ?, ?)",
  );
  const insertRole = database.prepare(
    "INSERT INTO role_assignment (id, userId, role, teamId, orgUnitId, scopeKey, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertCycle = database.prepare(
    "INSERT INTO cycle (id, name, year, quarter, opensOn, closesOn, questionnaireId, status, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertAudit = database.prepare(
    "INSERT INTO audit_event (id, at, actorId, action, entityType, entityId) VALUES (?, ?, NULL, ?, 'database', ?)",
  );
  const statements: Statements = {
    assessment: database.prepare(
      "INSERT INTO assessment (id, teamId, cycleId, status, version, carriedFromId, overallScore, overallBand, scoringMethodVersion, submittedAt, submittedById, createdAt, updatedAt) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    answer: database.prepare(
      "INSERT INTO answer (id, assessmentId, questionId, kind, value, reason, carriedOver, updatedById, updatedAt) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
    ),
    result: database.prepare(
      "INSERT INTO pitfall_result (id, assessmentId, pitfallId, status, score, band, confidence, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
  };

  const teams: TeamPlan[] = [];
  const unitIds: string[] = [];
  const headId = randomUUID();
  const coachId = randomUUID();
  database.transaction(() => {
    for (let unitIndex = 0; unitIndex < size.orgUnits; unitIndex++) {
      const unitId = `unit-${String(unitIndex + 1).padStart(2, "0")}`;
      const name = UNIT_NAMES[unitIndex]!;
      insertUnit.run(unitId, name, slugify(name), now, now);
      unitIds.push(unitId);
      for (let teamIndex = 0; teamIndex < size.teamsPerUnit; teamIndex++) {
        const teamId = `team-${String(unitIndex * size.teamsPerUnit + teamIndex + 1).padStart(4, "0")}`;
        const teamName = `${name} ${TEAM_WORDS[teamIndex]}`;
        insertTeam.run(teamId, teamName, slugify(teamName), unitId, now, now);
        teams.push(planTeam(questionnaire, random, teamId, unitId));
      }
    }
    const people = [
      { id: headId, name: "Priya Natarajan", email: "head@example.com" },
      { id: coachId, name: "Sam Okafor", email: "coach@example.com" },
    ];
    for (const person of people) {
      insertUser.run(person.id, person.name, person.email, now, now);
      insertAccount.run(randomUUID(), person.id, person.id, passwordHash, now, now);
    }
    insertRole.run(randomUUID(), headId, "head_of_engineering", null, null, "", now);
    for (const unitId of unitIds.slice(0, 2))
      insertRole.run(randomUUID(), coachId, "coach", null, unitId, unitId, now);
    insertAudit.run(randomUUID(), now, MARKER_ACTION, file);
  })();

  let previousByTeam = new Map<string, string>();
  let assessments = 0;
  let answers = 0;
  let results = 0;
  for (const [cycleIndex, plannedCycle] of CYCLES.entries()) {
    const isOpen = cycleIndex === CYCLES.length - 1;
    const cycleId = `cycle-${plannedCycle.year}-q${plannedCycle.quarter}`;
    const { opensOn, closesOn } = cycleDates(plannedCycle.year, plannedCycle.quarter);
    const currentByTeam = new Map<string, string>();
    database.transaction(() => {
      insertCycle.run(
        cycleId,
        cycleName(plannedCycle.year, plannedCycle.quarter),
        plannedCycle.year,
        plannedCycle.quarter,
        isoDate(opensOn),
        isoDate(closesOn),
        questionnaire.id,
        isOpen ? "open" : "closed",
        now,
        now,
      );
      for (const team of teams) {
        const state = stateFor(isOpen, random);
        if (state === "none") continue;
        const assessmentId = `${team.id}-${cycleId}`;
        const pitfallAnswers = syntheticAssessmentAnswers(
          questionnaire,
          propensityAt(team, cycleIndex),
          random,
        );
        const submittedAt = new Date(closesOn.getTime() - (3 + Math.floor(random() * 20)) * 86_400_000);
        let columns: ReturnType<typeof storedAssessmentColumns> | null = null;
        let stored: ReturnType<typeof toStoredPitfallResults> = [];
        if (state === "submitted") {
          const score = scoreAssessment(compiled, pitfallAnswers, team.context);
          columns = storedAssessmentColumns(score);
          stored = toStoredPitfallResults(score);
        }
        statements.assessment.run(
          assessmentId,
          team.id,
          cycleId,
          state,
          previousByTeam.get(team.id) ?? null,
          columns?.overallScore ?? null,
          columns?.overallBand ?? null,
          columns?.scoringMethodVersion ?? null,
          state === "submitted" ? isoDate(submittedAt) : null,
          null,
          isoDate(opensOn),
          isoDate(state === "submitted" ? submittedAt : opensOn),
        );
        currentByTeam.set(team.id, assessmentId);
        assessments++;

        const entries = Object.entries({ ...team.context, ...pitfallAnswers });
        for (const [index, [questionId, answer]] of entries.entries()) {
          // A draft holds the team context and roughly half of the questions.
          if (state === "draft" && !contextIds.has(questionId) && index % 2 === 1) continue;
          statements.answer.run(
            `${assessmentId}-${questionId}`,
            assessmentId,
            questionId,
            answer.kind,
            answer.kind === "value" ? JSON.stringify(answer.value) : null,
            answer.kind === "notApplicable" ? answer.reason : null,
            null,
            isoDate(state === "submitted" ? submittedAt : opensOn),
          );
          answers++;
        }
        for (const result of stored) {
          statements.result.run(
            `${assessmentId}-${result.pitfallId}`,
            assessmentId,
            result.pitfallId,
            result.status,
            result.score,
            result.band,
            result.confidence,
            result.detail,
          );
          results++;
        }
      }
    })();
    previousByTeam = currentByTeam;
    console.log(
      `${cycleName(plannedCycle.year, plannedCycle.quarter)}: ${currentByTeam.size} assessments written`,
    );
  }

  database.pragma("optimize");
  database.pragma("wal_checkpoint(TRUNCATE)");
  database.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Built ${path.relative(process.cwd(), file)}: ${size.orgUnits} org units, ${teams.length} teams, ${CYCLES.length} cycles, ` +
      `${assessments} assessments, ${answers} answers, ${results} pitfall results in ${seconds} s.`,
  );
  console.log(
    `Sign in as head@example.com (whole organisation) or coach@example.com (${UNIT_NAMES.slice(0, Math.min(2, size.orgUnits)).join(" and ")}) with the password ${DEMO_PASSWORD}.`,
  );
}

main().catch((error: unknown) => {
  console.error(`seed:large failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

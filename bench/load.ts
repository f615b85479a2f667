/**
 * npm run bench:load — autocannon, 50 connections for 30 s each against the org heatmap, a team
 * dashboard and the answer-autosave action of the production build, on the 1,000-team
 * organisation from `npm run seed:large` (built first when missing). Works on a copy of that
 * database so the dashboard benchmark's data stays as seeded.
 *
 * Final line: `errors: <n> p95_ms: <n>` (errors: connection errors, timeouts, non-2xx answers
 * and autosaves the app refused; p95: the slowest of the three runs' 95th percentiles).
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { latestQuestionnaire } from "../src/domain/content";
import { DEMO_PASSWORD } from "../prisma/seed/demo-organisation";
import { hashDemoPassword } from "../prisma/seed/demo-password";
import { startApp, type RunningApp } from "./lib/app-server";
import { serverActionId } from "./lib/server-actions";
import { sessionCookieFor } from "./lib/sign-in";

const PORT = 3400;
const LARGE_DB = "data/large.db";
const LOAD_DB = "data/load.db";
const CONNECTIONS = 50;
const DURATION_SECONDS = 30;
const LOAD_LEAD = "load.lead@example.com";

interface Slot {
  assessmentId: string;
  version: number;
  busy: boolean;
}

/** Gives a lead drafts in the open cycle for 200 teams, at most one save in flight per draft, so saves never collide. */
async function prepareDatabase(): Promise<{ slots: Slot[]; dashboardSlug: string }> {
  if (!existsSync(LARGE_DB)) {
    console.log("No data/large.db yet: running npm run seed:large first…");
    execFileSync("npx", ["tsx", "scripts/seed-large.ts"], { stdio: "inherit" });
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(LOAD_DB + suffix, { force: true });
  const source = new Database(LARGE_DB, { readonly: true });
  source.prepare("VACUUM INTO ?").run(LOAD_DB);
  source.close();

  const db = new Database(LOAD_DB);
  db.pragma("journal_mode = WAL");
  const now = Date.now();
  const passwordHash = await hashDemoPassword();
  const cycle = db.prepare("SELECT id FROM cycle WHERE status = 'open'").get() as { id: string };
  // Spare drafts, so a request that times out (and never releases its draft) cannot starve the others.
  const teams = db.prepare("SELECT id, slug FROM team ORDER BY slug LIMIT ?").all(CONNECTIONS * 4) as {
    id: string;
    slug: string;
  }[];
  const leadId = randomUUID();
  const slots: Slot[] = [];
  db.transaction(() => {
    db.prepare("INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, ?)").run(
      leadId,
      "Load Lead",
      LOAD_LEAD,
      now,
      now,
    );
    db.prepare(
      "INSERT INTO account (id, accountId, providerId, userId, password, createdAt, updatedAt) VALUES (?, ?, 'credential', ?, ?, ?, ?)",
    ).run(randomUUID(), leadId, leadId, passwordHash, now, now);
    for (const team of teams) {
      db.prepare("INSERT INTO role_assignment (id, userId, role, teamId, createdAt) VALUES (?, ?, 'team_lead', ?, ?)").run(
        randomUUID(),
        leadId,
        team.id,
        now,
      );
      db.prepare("DELETE FROM assessment WHERE teamId = ? AND cycleId = ?").run(team.id, cycle.id);
      const assessmentId = randomUUID();
      db.prepare(
        "INSERT INTO assessment (id, teamId, cycleId, status, version, createdAt, updatedAt) VALUES (?, ?, ?, 'draft', 1, ?, ?)",
      ).run(assessmentId, team.id, cycle.id, now, now);
      slots.push({ assessmentId, version: 1, busy: false });
    }
  })();
  db.close();
  return { slots, dashboardSlug: teams[teams.length - 1]!.slug };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface RunSummary {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  refused: number;
  /** Server resident memory right after the run, MiB. */
  rssAfter: number;
}

async function run(
  name: string,
  app: RunningApp,
  request: autocannon.Request,
  refusedBodies: () => number,
): Promise<RunSummary> {
  const latencies: number[] = [];
  const result = await autocannon({
    url: app.baseUrl,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [request],
    // Every response time is kept, so the 95th percentile is exact (autocannon reports p90/p97.5).
    setupClient: (client) => {
      client.on("response", (_status, _bytes, responseTime) => latencies.push(responseTime));
    },
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    refused: refusedBodies(),
    rssAfter: app.rssMiB(),
  };
}

async function main() {
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const { slots, dashboardSlug } = await prepareDatabase();
  const app = await startApp({ port: PORT, env: { DATABASE_URL: `file:./${LOAD_DB}`, DEMO_MODE: "false" } });
  try {
    const headCookie = await sessionCookieFor(app.baseUrl, "head@example.com", DEMO_PASSWORD);
    const leadCookie = await sessionCookieFor(app.baseUrl, LOAD_LEAD, DEMO_PASSWORD);
    const rssBefore = app.rssMiB();
    const questionnaire = latestQuestionnaire();
    const questions = questionnaire.sections.flatMap((section) => section.questions);
    const agreementQuestion = questions.find((question) => question.answer.type === "agreement")!;
    const saveActionId = serverActionId("saveAnswerAction");

    const summaries: RunSummary[] = [];
    summaries.push(
      await run("org heatmap (GET /org)", app, { method: "GET", path: "/org", headers: { cookie: headCookie } }, () => 0),
    );
    summaries.push(
      await run(
        `team dashboard (GET /team/${dashboardSlug}/dashboard)`,
        app,
        { method: "GET", path: `/team/${dashboardSlug}/dashboard`, headers: { cookie: headCookie } },
        () => 0,
      ),
    );

    let refused = 0;
    let counter = 0;
    summaries.push(
      await run(
        "answer autosave (saveAnswerAction)",
        app,
        {
          method: "POST",
          path: "/",
          headers: { cookie: leadCookie, "next-action": saveActionId, "content-type": "text/plain;charset=UTF-8" },
          setupRequest: (request: autocannon.Request, rawContext: object) => {
            const context = rawContext as { slot?: Slot };
            const slot = slots.find((candidate) => !candidate.busy)!;
            slot.busy = true;
            context.slot = slot;
            counter++;
            return {
              ...request,
              body: JSON.stringify([
                {
                  assessmentId: slot.assessmentId,
                  questionId: agreementQuestion.id,
                  answer: { kind: "value", value: (counter % 5) + 1 },
                  note: null,
                  expectedVersion: slot.version,
                },
              ]),
            };
          },
          onResponse: (_status: number, body: string, rawContext: object) => {
            const slot = (rawContext as { slot?: Slot }).slot!;
            const version = /"version":(\d+)/.exec(body);
            if (body.includes('"ok":true') && version) slot.version = Number(version[1]);
            else refused++;
            slot.busy = false;
          },
        },
        () => refused,
      ),
    );
    const rssAfter = app.rssMiB();

    console.log(`\n${CONNECTIONS} connections, ${DURATION_SECONDS} s per run`);
    console.log("run | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | refused | RSS after, MiB");
    for (const s of summaries) {
      console.log(`${s.name} | ${s.requests} | ${s.perSecond} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.errors} | ${s.non2xx} | ${s.refused} | ${s.rssAfter.toFixed(0)}`);
    }
    console.log(`server RSS: ${rssBefore.toFixed(0)} MiB before, ${rssAfter.toFixed(0)} MiB after`);
    const errors = summaries.reduce((sum, s) => sum + s.errors + s.non2xx + s.refused, 0);
    const p95 = Math.max(...summaries.map((s) => s.p95));
    console.log(`errors: ${errors} p95_ms: ${p95}`);
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

/**
 * npm run bench:load — two measurements of the production build (`npm start`, with its default
 * number of server processes unless WEB_CONCURRENCY is set) on the 1,000-team organisation from
 * `npm run seed:large` (built first when missing), on a copy of that database so the dashboard
 * benchmark's data stays as seeded:
 *
 * 1. Closed loop: autocannon, 50 connections for 30 s each against the org heatmap, a team
 *    dashboard, the team's answer autosave (POST /api/autosave/answer) and the individual-answer
 *    autosave (POST /api/autosave/my-answer), as the questionnaire sends them (throughput: as fast
 *    as answers come back). Each page first gets 5 s of unrecorded load (WARM_UP_SECONDS). The
 *    saves go to 200 drafts, each saved by its own team's lead with their own session.
 * 2. Open loop, a quarter end: 300 people for 60 s, each sending requests on a fixed schedule
 *    whatever the server's speed, with think time between them: 240 people answering, each the
 *    lead of a team of their own with their own session (an autosave every 6 s each; half save the
 *    team's answers, half their own individual answers), 50 people
 *    reading team dashboards (one every 15 s), 10 heads on the heatmap (one every 20 s), about 44
 *    requests/s. A request's time counts from when it was due, so a
 *    slow server cannot hide its queue (an answer is sent after that person's previous one has
 *    returned, as the questionnaire does).
 *
 * Options: `--open-only` skips the closed loop; `--only=autosave` runs only the closed loop's two
 * autosave runs (to compare autosave alone; no open_loop line); `--duration=<s>` sets each
 * closed-loop run's length, `--open-duration=<s>` the open loop's (for quick checks; the figures
 * to report use the defaults).
 *
 * Just before them, `individual_autosave: rps=<n> p95_ms=<n> errors=<n>` (the closed loop's run of
 * individual answers). Last two lines:
 *   throughput_rps: org=<n> dashboard=<n> autosave=<n> rss_mib=<n>
 *   open_loop: rate=<n>/s p95_ms=<n> errors=<n>
 * rss_mib is the resident memory of all server processes together (the primary and its workers)
 * after the closed-loop runs, each process's pages counted in full, also those the processes share
 * (the line above the CPU figures adds the proportional set size, which counts shared pages once).
 * Errors: connection errors, timeouts, non-2xx answers and saves the app refused. The exit code is
 * non-zero when any request failed.
 */
import { execFileSync } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { latestQuestionnaire } from "../src/domain/content";
import { DEMO_PASSWORD } from "../prisma/seed/demo-organisation";
import { startApp, type RunningApp } from "./lib/app-server";
import { AUTOSAVE_PATHS } from "../src/contracts/assessments/autosave-paths";
import { sessionCookieFor } from "./lib/sign-in";

const PORT = 3400;
const LARGE_DB = "data/large.db";
const LOAD_DB = "data/load.db";
const CONNECTIONS = 50;
/**
 * The server's session-signing secret for this run: the benchmark signs its answering people's
 * session cookies with it (see prepareDatabase).
 */
const AUTH_SECRET = randomBytes(32).toString("hex");

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
function seconds(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} expects a whole number of seconds, at least 1.`);
  return value;
}
const OPEN_ONLY = process.argv.includes("--open-only");
/** `--only=autosave`: the closed loop's two autosave runs alone (no heatmap, dashboard or open loop). */
const ONLY = option("only");
if (ONLY !== undefined && ONLY !== "autosave") throw new Error("--only takes one value: autosave.");
const AUTOSAVE_ONLY = ONLY === "autosave";
if (AUTOSAVE_ONLY && OPEN_ONLY) throw new Error("--only=autosave and --open-only exclude each other.");
const DURATION_SECONDS = seconds("duration", 30);
const OPEN_DURATION_SECONDS = seconds("open-duration", 60);

/** The quarter end's people: how many, and every how many seconds each sends a request. */
const ANSWERING = { people: 240, everySeconds: 6 };
const READING_DASHBOARDS = { people: 50, everySeconds: 15 };
const ON_THE_HEATMAP = { people: 10, everySeconds: 20 };
const OPEN_LOOP_TIMEOUT_MS = 30_000;

interface Slot {
  /** The session of the team's lead, the person who answers this draft, and its signed cookie. */
  sessionToken: string;
  cookie: string;
  assessmentId: string;
  version: number;
  /** The version of the lead's own answers to this assessment (0: none saved yet). */
  ownVersion: number;
  busy: boolean;
}

/**
 * A session cookie as the auth library signs it: the token, a dot and the base64 HMAC-SHA256 of
 * the token under the server's secret, URL-encoded.
 */
function signedSessionCookie(cookieName: string, token: string): string {
  const signature = createHmac("sha256", AUTH_SECRET).update(token).digest("base64");
  return `${cookieName}=${encodeURIComponent(`${token}.${signature}`)}`;
}

/**
 * Gives every team of the closed loop's drafts and of the open loop's answering people a lead of
 * its own, signed in, with a draft in the open cycle: 200 drafts for the closed loop (at most one
 * save in flight per draft, so saves never collide) and one for each answering person of the open
 * loop. Each person answers with their own session, as at a real quarter end (one account leading
 * every team would make each save read hundreds of role assignments). The sessions are written
 * here, as the seed writes people, rather than signed in one by one through the sign-in page
 * (hundreds of password hashes); main() signs their cookies with the server's secret, under the
 * cookie name a real sign-in sets, and checks one against the server before any run.
 */
function prepareDatabase(): {
  slots: Slot[];
  openSlots: Slot[];
  teamSlugs: string[];
  dashboardSlug: string;
} {
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
  const sessionExpires = now + 24 * 60 * 60 * 1000;
  const cycle = db.prepare("SELECT id FROM cycle WHERE status = 'open'").get() as { id: string };
  // Spare drafts, so a request that times out (and never releases its draft) cannot starve the others.
  const closedDrafts = CONNECTIONS * 4;
  const teams = db
    .prepare("SELECT id, slug FROM team ORDER BY slug LIMIT ?")
    .all(closedDrafts + ANSWERING.people) as {
    id: string;
    slug: string;
  }[];
  const slots: Slot[] = [];
  const insertUser = db.prepare(
    "INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, ?)",
  );
  const insertSession = db.prepare(
    "INSERT INTO session (id, expiresAt, token, createdAt, updatedAt, userId) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const insertLead = db.prepare(
    "INSERT INTO role_assignment (id, userId, role, teamId, scopeKey, createdAt) VALUES (?, ?, 'team_lead', ?, ?, ?)",
  );
  const deleteDraft = db.prepare("DELETE FROM assessment WHERE teamId = ? AND cycleId = ?");
  const insertDraft = db.prepare(
    "INSERT INTO assessment (id, teamId, cycleId, status, version, createdAt, updatedAt) VALUES (?, ?, ?, 'draft', 1, ?, ?)",
  );
  db.transaction(() => {
    teams.forEach((team, index) => {
      const leadId = randomUUID();
      const number = String(index + 1).padStart(3, "0");
      insertUser.run(leadId, `Load Lead ${number}`, `load.lead.${number}@example.com`, now, now);
      const token = randomBytes(24).toString("base64url");
      insertSession.run(randomUUID(), sessionExpires, token, now, now, leadId);
      insertLead.run(randomUUID(), leadId, team.id, team.id, now);
      deleteDraft.run(team.id, cycle.id);
      const assessmentId = randomUUID();
      insertDraft.run(assessmentId, team.id, cycle.id, now, now);
      slots.push({
        sessionToken: token,
        cookie: "",
        assessmentId,
        version: 1,
        ownVersion: 0,
        busy: false,
      });
    });
  })();
  const teamSlugs = (db.prepare("SELECT slug FROM team ORDER BY slug").all() as { slug: string }[]).map(
    (t) => t.slug,
  );
  db.close();
  return {
    slots: slots.slice(0, closedDrafts),
    openSlots: slots.slice(closedDrafts),
    teamSlugs,
    dashboardSlug: teams[closedDrafts - 1]!.slug,
  };
}

/**
 * Gives every slot its lead's session cookie, named as the one a real sign-in set (the head's),
 * and checks that the server accepts one: a page answered 200 instead of a redirect to sign-in.
 */
async function signInLeads(app: RunningApp, realCookie: string, slots: Slot[]): Promise<void> {
  const cookieName = realCookie
    .split("; ")
    .map((pair) => pair.slice(0, pair.indexOf("=")))
    .find((name) => name.endsWith("session_token"));
  if (!cookieName) throw new Error(`No session cookie among the sign-in's cookies: ${realCookie}`);
  for (const slot of slots) slot.cookie = signedSessionCookie(cookieName, slot.sessionToken);
  const check = await fetch(`${app.baseUrl}/account`, {
    headers: { cookie: slots[0]!.cookie },
    redirect: "manual",
  });
  await check.arrayBuffer();
  if (check.status !== 200)
    throw new Error(`The answering people's sessions were not accepted (GET /account: ${check.status}).`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type RunKind = "org" | "dashboard" | "autosave" | "individual autosave";

interface RunSummary {
  kind: RunKind;
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
  /** CPU time the server processes spent per answered request, ms (until the run's last answer). */
  cpuMsPerRequest: number;
}

/**
 * Unrecorded load on each page just before its run. A fresh server process compiles the page's
 * code and fills its caches (the heatmap's rows, each process its own) on its first requests;
 * the runs measure the steady state a long-running server is in.
 */
const WARM_UP_SECONDS = 5;

async function warmUp(app: RunningApp, request: autocannon.Request): Promise<void> {
  await autocannon({ url: app.baseUrl, connections: 10, duration: WARM_UP_SECONDS, requests: [request] });
}

async function run(
  kind: RunKind,
  name: string,
  app: RunningApp,
  request: autocannon.Request,
  refusedBodies: () => number,
): Promise<RunSummary> {
  const latencies: number[] = [];
  const cpuBefore = app.cpuMs();
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
  const cpuUsed = app.cpuMs() - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    kind,
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
    cpuMsPerRequest: latencies.length > 0 ? cpuUsed / latencies.length : 0,
  };
}

/** The body of one autosave of the team's answer. */
function autosaveBody(slot: Slot, questionId: string, value: number): string {
  return JSON.stringify({
    assessmentId: slot.assessmentId,
    questionId,
    answer: { kind: "value", value },
    note: null,
    expectedVersion: slot.version,
  });
}

/** The body of one individual autosave: the person's own answer. */
function ownAnswerBody(slot: Slot, questionId: string, value: number): string {
  return JSON.stringify({
    assessmentId: slot.assessmentId,
    questionId,
    answer: { kind: "value", value },
    expectedVersion: slot.ownVersion,
  });
}

/** The headers the questionnaire's fetch sends: its session, its own origin, JSON. */
function autosaveHeaders(app: RunningApp, cookie: string): Record<string, string> {
  return { cookie, origin: app.baseUrl, "content-type": "application/json" };
}

/**
 * Reads an autosave's answer: true (and the new version kept, the team's or the person's own)
 * when the app saved it.
 */
function savedFrom(slot: Slot, body: string, own = false): boolean {
  const version = /"version":(\d+)/.exec(body);
  if (!body.includes('"ok":true') || !version) return false;
  if (own) slot.ownVersion = Number(version[1]);
  else slot.version = Number(version[1]);
  return true;
}

interface OpenLoopSummary {
  requests: number;
  ratePerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  byKind: Record<string, { requests: number; p95: number; errors: number }>;
}

interface OpenLoopSetup {
  app: RunningApp;
  headCookie: string;
  questionIds: string[];
  openSlots: Slot[];
  teamSlugs: string[];
}

/**
 * The quarter end: every person sends on their own fixed schedule (first request at a random
 * point of their first interval), whatever the answers' speed. Latency runs from when a request
 * was due to when its answer was read in full.
 */
async function openLoop(setup: OpenLoopSetup): Promise<OpenLoopSummary> {
  const { app, headCookie, questionIds, openSlots, teamSlugs } = setup;
  const samples: { kind: string; ms: number; ok: boolean }[] = [];
  const started = performance.now();
  const end = started + OPEN_DURATION_SECONDS * 1000;
  let random = 20261231;
  const nextRandom = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const inFlight: Promise<void>[] = [];

  const timed = async (kind: string, due: number, send: () => Promise<boolean>) => {
    let ok = false;
    try {
      ok = await send();
    } catch {
      ok = false;
    }
    samples.push({ kind, ms: performance.now() - due, ok });
  };
  const get = async (path: string): Promise<boolean> => {
    const response = await fetch(app.baseUrl + path, {
      headers: { cookie: headCookie },
      signal: AbortSignal.timeout(OPEN_LOOP_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.ok;
  };
  const sleepUntil = (at: number) =>
    new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

  const person = async (everySeconds: number, act: (due: number, turn: number) => Promise<void>) => {
    let due = started + nextRandom() * everySeconds * 1000;
    for (let turn = 0; due < end; turn++, due += everySeconds * 1000) {
      await sleepUntil(due);
      inFlight.push(act(due, turn));
    }
  };

  const people: Promise<void>[] = [];
  for (let i = 0; i < ANSWERING.people; i++) {
    const slot = openSlots[i]!;
    // Every other person answers on their own: their individual answers, not the team's.
    const own = i % 2 === 1;
    // The questionnaire sends one person's saves one after another; the next waits for the last.
    let previous: Promise<void> = Promise.resolve();
    people.push(
      person(ANSWERING.everySeconds, (due, turn) => {
        previous = previous.then(() =>
          timed(own ? "individual autosave" : "autosave", due, async () => {
            const questionId = questionIds[turn % questionIds.length]!;
            const response = await fetch(
              app.baseUrl + (own ? AUTOSAVE_PATHS.saveMyAnswer : AUTOSAVE_PATHS.saveAnswer),
              {
                method: "POST",
                headers: autosaveHeaders(app, slot.cookie),
                body: own
                  ? ownAnswerBody(slot, questionId, (turn % 5) + 1)
                  : autosaveBody(slot, questionId, (turn % 5) + 1),
                signal: AbortSignal.timeout(OPEN_LOOP_TIMEOUT_MS),
              },
            );
            return response.ok && savedFrom(slot, await response.text(), own);
          }),
        );
        return previous;
      }),
    );
  }
  for (let i = 0; i < READING_DASHBOARDS.people; i++) {
    people.push(
      person(READING_DASHBOARDS.everySeconds, (due, turn) =>
        timed("dashboard", due, () =>
          get(`/team/${teamSlugs[(i * 37 + turn * 101) % teamSlugs.length]}/dashboard`),
        ),
      ),
    );
  }
  for (let i = 0; i < ON_THE_HEATMAP.people; i++) {
    people.push(person(ON_THE_HEATMAP.everySeconds, (due) => timed("heatmap", due, () => get("/org"))));
  }
  await Promise.all(people);
  await Promise.all(inFlight);

  const p = (values: number[], q: number) =>
    Math.round(
      percentile(
        [...values].sort((a, b) => a - b),
        q,
      ),
    );
  const all = samples.map((sample) => sample.ms);
  const byKind: OpenLoopSummary["byKind"] = {};
  for (const kind of ["autosave", "individual autosave", "dashboard", "heatmap"]) {
    const of = samples.filter((sample) => sample.kind === kind);
    byKind[kind] = {
      requests: of.length,
      p95: p(
        of.map((x) => x.ms),
        95,
      ),
      errors: of.filter((x) => !x.ok).length,
    };
  }
  return {
    requests: samples.length,
    ratePerSecond: samples.length / OPEN_DURATION_SECONDS,
    p50: p(all, 50),
    p95: p(all, 95),
    p99: p(all, 99),
    errors: samples.filter((sample) => !sample.ok).length,
    byKind,
  };
}

/** Waits until three health checks in a row answer within 50 ms; returns how long that took. */
async function waitUntilIdle(app: RunningApp): Promise<number> {
  const started = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - started < 120_000) {
    const before = performance.now();
    try {
      const response = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      quick = response.ok && performance.now() - before < 50 ? quick + 1 : 0;
    } catch {
      quick = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return performance.now() - started;
}

async function main() {
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");
  console.log(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load}`,
  );
  const { slots, openSlots, teamSlugs, dashboardSlug } = prepareDatabase();
  const app = await startApp({
    port: PORT,
    env: { DATABASE_URL: `file:./${LOAD_DB}`, DEMO_MODE: "false", AUTH_SECRET },
  });
  try {
    console.log(
      `Server processes: ${app.processCount()} (WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "default"})`,
    );
    const headCookie = await sessionCookieFor(app.baseUrl, "head@example.com", DEMO_PASSWORD);
    await signInLeads(app, headCookie, [...slots, ...openSlots]);
    const rssBefore = app.rssMiB();
    const questionnaire = latestQuestionnaire();
    const questions = questionnaire.sections.flatMap((section) => section.questions);
    const agreementQuestions = questions.filter((question) => question.answer.type === "agreement");

    const summaries: RunSummary[] = [];
    let rssAfter = rssBefore;
    let pssAfter = 0;
    if (!OPEN_ONLY && !AUTOSAVE_ONLY) {
      console.log(`Each page gets ${WARM_UP_SECONDS} s of unrecorded load (10 connections) before its run.`);
      await warmUp(app, { method: "GET", path: "/org", headers: { cookie: headCookie } });
      summaries.push(
        await run(
          "org",
          "org heatmap (GET /org)",
          app,
          { method: "GET", path: "/org", headers: { cookie: headCookie } },
          () => 0,
        ),
      );
      await warmUp(app, {
        method: "GET",
        path: `/team/${dashboardSlug}/dashboard`,
        headers: { cookie: headCookie },
      });
      summaries.push(
        await run(
          "dashboard",
          `team dashboard (GET /team/${dashboardSlug}/dashboard)`,
          app,
          { method: "GET", path: `/team/${dashboardSlug}/dashboard`, headers: { cookie: headCookie } },
          () => 0,
        ),
      );
    }
    if (!OPEN_ONLY) {
      // The team's autosave, then a person's own answers (individual answers): the same slots, one
      // save in flight per draft, each kind with its own version.
      for (const own of [false, true]) {
        let refused = 0;
        let counter = 0;
        summaries.push(
          await run(
            own ? "individual autosave" : "autosave",
            own
              ? `individual autosave (POST ${AUTOSAVE_PATHS.saveMyAnswer})`
              : `answer autosave (POST ${AUTOSAVE_PATHS.saveAnswer})`,
            app,
            {
              method: "POST",
              path: own ? AUTOSAVE_PATHS.saveMyAnswer : AUTOSAVE_PATHS.saveAnswer,
              setupRequest: (request: autocannon.Request, rawContext: object) => {
                const context = rawContext as { slot?: Slot };
                const slot = slots.find((candidate) => !candidate.busy)!;
                slot.busy = true;
                context.slot = slot;
                counter++;
                const questionId = agreementQuestions[0]!.id;
                const value = (counter % 5) + 1;
                return {
                  ...request,
                  headers: autosaveHeaders(app, slot.cookie),
                  body: own ? ownAnswerBody(slot, questionId, value) : autosaveBody(slot, questionId, value),
                };
              },
              onResponse: (_status: number, body: string, rawContext: object) => {
                const slot = (rawContext as { slot?: Slot }).slot!;
                if (!savedFrom(slot, body, own)) refused++;
                slot.busy = false;
              },
            },
            () => refused,
          ),
        );
      }
      rssAfter = app.rssMiB();
      pssAfter = app.pssMiB();

      console.log(`\nClosed loop: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run`);
      console.log(
        "run | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | refused | RSS after, MiB",
      );
      for (const s of summaries) {
        console.log(
          `${s.name} | ${s.requests} | ${s.perSecond} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.errors} | ${s.non2xx} | ${s.refused} | ${s.rssAfter.toFixed(0)}`,
        );
      }
      console.log(
        `server RSS (all server processes): ${rssBefore.toFixed(0)} MiB before, ${rssAfter.toFixed(0)} MiB after ` +
          `(proportional set size after, shared pages counted once: ${pssAfter.toFixed(0)} MiB)`,
      );
      console.log(
        `server CPU per answered request (all server processes): ${summaries
          .map((s) => `${s.kind} ${s.cpuMsPerRequest.toFixed(1)} ms`)
          .join(", ")}`,
      );
    }

    if (!OPEN_ONLY && !AUTOSAVE_ONLY) {
      // The closed loop ends with requests still queued in the server (autocannon stops sending, the
      // server goes on answering); the quarter end starts once the server is idle again, so its
      // figures are its own.
      const drained = await waitUntilIdle(app);
      console.log(`\nServer idle again after ${(drained / 1000).toFixed(1)} s`);
    }
    const open = AUTOSAVE_ONLY
      ? null
      : await openLoop({
          app,
          headCookie,
          questionIds: agreementQuestions.map((question) => question.id),
          openSlots,
          teamSlugs,
        });
    if (open) {
      const rssAfterOpen = app.rssMiB();
      console.log(
        `\nOpen loop: ${ANSWERING.people + READING_DASHBOARDS.people + ON_THE_HEATMAP.people} people for ${OPEN_DURATION_SECONDS} s, ${open.requests} requests`,
      );
      console.log("kind | requests | p95 ms | errors");
      for (const [kind, k] of Object.entries(open.byKind))
        console.log(`${kind} | ${k.requests} | ${k.p95} | ${k.errors}`);
      console.log(
        `all: p50 ${open.p50} ms, p95 ${open.p95} ms, p99 ${open.p99} ms; server RSS after: ${rssAfterOpen.toFixed(0)} MiB`,
      );
    }
    console.log(
      `load average after: ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(", ")}`,
    );

    const closedErrors = summaries.reduce((sum, s) => sum + s.errors + s.non2xx + s.refused, 0);
    const summaryOf = (kind: RunKind) => summaries.find((summary) => summary.kind === kind);
    const individual = summaryOf("individual autosave");
    if (individual) {
      console.log(
        `individual_autosave: rps=${individual.perSecond} p95_ms=${individual.p95} errors=${individual.errors + individual.non2xx + individual.refused}`,
      );
    }
    const rps = (kind: RunKind) => summaryOf(kind)?.perSecond ?? 0;
    console.log(
      `throughput_rps: org=${rps("org")} dashboard=${rps("dashboard")} autosave=${rps("autosave")} rss_mib=${Math.round(rssAfter)}`,
    );
    if (open) {
      console.log(
        `open_loop: rate=${open.ratePerSecond.toFixed(1)}/s p95_ms=${open.p95} errors=${open.errors}`,
      );
    }
    process.exitCode = closedErrors + (open?.errors ?? 0) === 0 ? 0 : 1;
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

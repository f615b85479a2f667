/**
 * Dashboard benchmark against the large organisation (`npm run seed:large` first): times the data
 * functions the /org and /org/rollups pages call, with a head of engineering, against a plain
 * better-sqlite3 read of the same rows and columns: the same SELECTs (and, for the roll-up trend,
 * the same per-cycle aggregates), without the ORM, the authorization, the DTO assembly and the
 * roll-up arithmetic.
 *
 *   npm run bench:dashboard
 *   npm run bench:dashboard -- --url=http://127.0.0.1:3200   also fetch /org from a running app
 *
 * With --url, the app must serve the same database (DATABASE_URL=file:./data/large.db npm start)
 * with the same AUTH_SECRET (npm start keeps it in data/.auth-secret). The bench signs in through
 * the auth library and reports the page's transfer size, compressed as a browser receives it.
 *
 * The last line is always `heatmap/raw ratio: <number>`.
 */
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import { register } from "node:module";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "../prisma/seed/demo-organisation";

const DEFAULT_DATABASE_URL = "file:./data/large.db";
const WARM_UP = 3;
const ITERATIONS = 15;
const HEAD_EMAIL = "head@example.com";

// The data layer is marked server-only; outside Next that marker would throw, so it resolves to an
// empty module here (the same thing vitest does for integration tests).
register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,export {}", shortCircuit: true };
      const resolved = await next(specifier, context);
      if (resolved.url.includes("/node_modules/server-only/")) return { url: "data:text/javascript,export {}", shortCircuit: true };
      return resolved;
    }
  `)}`,
);

// Must be in place before the server modules load: they read it once, on import.
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
if (!process.env.AUTH_SECRET && existsSync("data/.auth-secret")) {
  process.env.AUTH_SECRET = readFileSync("data/.auth-secret", "utf8").trim();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function report(label: string, times: number[]): number {
  const result = median(times);
  console.log(
    `${label.padEnd(34)} median ${result.toFixed(1).padStart(7)} ms  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`,
  );
  return result;
}

/**
 * Times the data function and the raw read in alternating rounds, so both see the same load on a
 * shared machine and their ratio stays meaningful when the absolute figures wander.
 */
async function measurePair(
  labels: [string, string],
  work: () => unknown,
  raw: () => unknown,
): Promise<[number, number]> {
  for (let round = 0; round < WARM_UP; round++) {
    await work();
    raw();
  }
  const workTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < ITERATIONS; round++) {
    let started = performance.now();
    await work();
    workTimes.push(performance.now() - started);
    started = performance.now();
    raw();
    rawTimes.push(performance.now() - started);
  }
  return [report(labels[0], workTimes), report(labels[1], rawTimes)];
}

/** The same SELECTs the pages' queries issue for a reader of the whole organisation, without the ORM. */
function rawReads(file: string) {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  const cycles = raw.prepare(
    "SELECT id, name, year, quarter, status FROM cycle WHERE status IN ('open', 'closed')",
  );
  const units = raw.prepare(
    "SELECT u.id, u.name, u.slug FROM org_unit u WHERE u.archivedAt IS NULL AND EXISTS (SELECT 1 FROM team t WHERE t.orgUnitId = u.id AND t.archivedAt IS NULL) ORDER BY u.name",
  );
  const teams = raw.prepare("SELECT id, name, slug, orgUnitId FROM team WHERE archivedAt IS NULL");
  const inList = (count: number) => Array.from({ length: count }, () => "?").join(", ");
  const assessmentsSql = (count: number) =>
    `SELECT a.id, a.teamId, a.cycleId, a.status, a.overallScore, a.overallBand FROM assessment a WHERE a.cycleId IN (${inList(count)}) AND a.teamId IN (SELECT t.id FROM team t WHERE t.archivedAt IS NULL)`;
  const resultsSql = (count: number) =>
    `SELECT r.assessmentId, r.pitfallId, r.status, r.score, r.band FROM pitfall_result r WHERE r.assessmentId IN (SELECT a.id FROM assessment a WHERE a.cycleId IN (${inList(count)}) AND a.status = 'submitted' AND a.teamId IN (SELECT t.id FROM team t WHERE t.archivedAt IS NULL))`;

  const aggregateSql =
    "SELECT r.pitfallId, r.status, r.band, COUNT(*) AS count, SUM(r.score) AS scoreSum FROM pitfall_result r WHERE r.assessmentId IN (SELECT a.id FROM assessment a WHERE a.cycleId = ? AND a.status = 'submitted' AND a.teamId IN (SELECT t.id FROM team t WHERE t.archivedAt IS NULL)) GROUP BY r.pitfallId, r.status, r.band";

  type CycleRow = { id: string; year: number; quarter: number };
  const ordered = (cycles.all() as CycleRow[]).sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  const selectedAndPrevious = ordered.slice(-2).map((cycle) => cycle.id);
  const historyCycles = ordered.slice(-8).map((cycle) => cycle.id);
  const assessments = raw.prepare(assessmentsSql(selectedAndPrevious.length));
  const results = raw.prepare(resultsSql(selectedAndPrevious.length));
  const aggregates = raw.prepare(aggregateSql);
  const scalarRows = () =>
    cycles.all().length +
    units.all().length +
    teams.all().length +
    assessments.all(...selectedAndPrevious).length +
    results.all(...selectedAndPrevious).length;

  return {
    heatmap: scalarRows,
    // The roll-ups read the same scalar rows plus one aggregate per cycle of history.
    rollups: () =>
      scalarRows() + historyCycles.reduce((rows, cycleId) => rows + aggregates.all(cycleId).length, 0),
    close: () => raw.close(),
  };
}

async function pageTransfer(baseUrl: string): Promise<void> {
  const { getAuth } = await import("../src/server/auth/auth");
  const { headers } = await getAuth().api.signInEmail({
    body: { email: HEAD_EMAIL, password: DEMO_PASSWORD },
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((setCookie) => setCookie.split(";")[0])
    .join("; ");
  // The first request warms the server up; the second is the one reported.
  await fetch(new URL("/org", baseUrl), { headers: { cookie } }).then((response) => response.arrayBuffer());
  const started = performance.now();
  // node:http rather than fetch: fetch decompresses bodies, and the compressed size is the point.
  const { statusCode, encoding, body } = await new Promise<{
    statusCode: number;
    encoding: string | null;
    body: Buffer;
  }>((resolve, reject) => {
    const request = http.get(
      new URL("/org", baseUrl),
      { headers: { cookie, "accept-encoding": "gzip" } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            statusCode: response.statusCode ?? 0,
            encoding: (response.headers["content-encoding"] as string | undefined) ?? null,
            body: Buffer.concat(chunks),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
  const elapsed = performance.now() - started;
  const html = encoding === "gzip" ? gunzipSync(body) : body;
  const teamRows = (html.toString("utf8").match(/<tr[^>]*data-team-row/g) ?? []).length;
  console.log(
    `GET /org: status ${statusCode}, ${teamRows} team rows, ${(body.length / 1024).toFixed(0)} KiB transferred ` +
      `(${encoding ?? "uncompressed"}), ${(html.length / 1024).toFixed(0)} KiB HTML, ${elapsed.toFixed(0)} ms`,
  );
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const file = url.replace(/^file:/, "");
  if (!url.startsWith("file:") || !existsSync(file)) {
    console.error(`No benchmark database at ${url}. Build it with: npm run seed:large`);
    process.exit(1);
  }
  const { db } = await import("../src/server/db");
  const { loadActor } = await import("../src/server/auth/session");
  const { getOrgHeatmap } = await import("../src/server/dashboards/heatmap");
  const { getOrgRollups } = await import("../src/server/dashboards/rollups");

  const head = await db.user.findUnique({ where: { email: HEAD_EMAIL }, select: { id: true } });
  const actor = head ? await loadActor(head.id) : null;
  if (!actor) {
    console.error(`${HEAD_EMAIL} is missing from ${url}. Rebuild it with: npm run seed:large`);
    process.exit(1);
  }
  const sample = await getOrgHeatmap(actor, {});
  const rollupSample = await getOrgRollups(actor, {});
  console.log(
    `Database ${file}: ${sample.heatmap.totals.teams} teams in ${sample.heatmap.groups.length} org units; ` +
      `heatmap of ${sample.cycle?.name ?? "no cycle"} against ${sample.previousCycle?.name ?? "nothing"}; ` +
      `roll-ups over ${rollupSample.history.length} cycles. ${WARM_UP} warm-up rounds, median of ${ITERATIONS}.`,
  );

  const raw = rawReads(file);
  const [heatmapTime, heatmapRaw] = await measurePair(
    ["heatmap data (getOrgHeatmap)", "heatmap rows, raw SELECT"],
    () => getOrgHeatmap(actor, {}),
    raw.heatmap,
  );
  const [rollupTime, rollupRaw] = await measurePair(
    ["roll-up data (getOrgRollups)", "roll-up rows, raw SELECT"],
    () => getOrgRollups(actor, {}),
    raw.rollups,
  );
  raw.close();
  console.log(
    `heatmap alone: ${(heatmapTime / heatmapRaw).toFixed(2)}× raw; roll-ups alone: ${(rollupTime / rollupRaw).toFixed(2)}× raw`,
  );

  const baseUrl = process.argv.find((argument) => argument.startsWith("--url="))?.slice("--url=".length);
  if (baseUrl) {
    await pageTransfer(baseUrl);
  } else {
    console.log(
      "Page transfer size: not measured (pass --url=http://127.0.0.1:3200 with the app serving this database).",
    );
  }
  await db.$disconnect();
  console.log(`heatmap/raw ratio: ${((heatmapTime + rollupTime) / (heatmapRaw + rollupRaw)).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

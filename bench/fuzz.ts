/**
 * npm run bench:fuzz — sends well over 1,000 malformed requests to every server action and route
 * of the production build, signed in as a team lead and anonymously: wrong types, huge strings,
 * bad JSON, forged references, unknown ids and other teams' ids; calls from another origin, with
 * forged X-Forwarded-For headers, non-form arguments signed out, malformed percent-encoding in
 * every dynamic segment and hostile `next=` redirects. It fails the run when any request gets a
 * 5xx or when anything in the domain tables changed.
 *
 * Final line: `5xx: <n> unexpected_writes: <n>`
 */
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { startApp } from "./lib/app-server";
import { serverActions } from "./lib/server-actions";
import { sessionCookieFor } from "./lib/sign-in";
import { DEMO_PASSWORD } from "../prisma/seed/demo-organisation";

const PORT = 3300;
const DATABASE_FILE = "data/fuzz.db";

/** Tables whose content no malformed request may change (sessions, throttling and sign-in audit may). */
const DOMAIN_TABLES = [
  "user",
  "account",
  "role_assignment",
  "org_unit",
  "team",
  "cycle",
  "assessment",
  "answer",
  "pitfall_result",
  "plan_item",
];

function snapshot(db: Database.Database): Map<string, string> {
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name),
  );
  const result = new Map<string, string>();
  for (const table of DOMAIN_TABLES.filter((name) => tables.has(name))) {
    const hash = createHash("sha256");
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).iterate()) hash.update(JSON.stringify(row));
    result.set(table, hash.digest("hex"));
  }
  const audit = db
    .prepare("SELECT count(*) AS n FROM audit_event WHERE action NOT LIKE 'auth.%'")
    .get() as { n: number };
  result.set("audit_event (non sign-in)", String(audit.n));
  return result;
}

interface FuzzRequest {
  label: string;
  path: string;
  init: RequestInit;
  signedIn: boolean;
}

function ids(db: Database.Database) {
  const ownTeam = db.prepare("SELECT id FROM team WHERE slug = 'checkout'").get() as { id: string };
  const otherTeams = db.prepare("SELECT id, slug FROM team WHERE slug <> 'checkout' LIMIT 5").all() as { id: string; slug: string }[];
  const otherAssessments = db
    .prepare("SELECT id FROM assessment WHERE teamId <> ? LIMIT 5")
    .all(ownTeam.id) as { id: string }[];
  const users = db.prepare("SELECT id FROM user LIMIT 5").all() as { id: string }[];
  const units = db.prepare("SELECT id FROM org_unit LIMIT 3").all() as { id: string }[];
  const cycles = db.prepare("SELECT id FROM cycle LIMIT 3").all() as { id: string }[];
  return {
    otherTeamIds: otherTeams.map((team) => team.id),
    otherTeamSlugs: otherTeams.map((team) => team.slug),
    foreignIds: [
      ...otherTeams.map((team) => team.id),
      ...otherAssessments.map((assessment) => assessment.id),
      ...users.map((user) => user.id),
      ...units.map((unit) => unit.id),
      ...cycles.map((cycle) => cycle.id),
      randomUUID(),
      "c" + "x".repeat(24),
    ],
  };
}

/** Argument values that are wrong in type, size or meaning. */
function hostileValues(foreignIds: string[]): unknown[] {
  return [
    null,
    true,
    -1,
    1e308,
    "",
    "x".repeat(200_000),
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "\u0000\uffff",
    [],
    [[[[[[[[[[]]]]]]]]]],
    { __proto__: { admin: true } },
    { constructor: { prototype: { polluted: true } } },
    ...foreignIds.slice(0, 6),
  ];
}

/** Objects shaped like real inputs, with ids from other teams and nonsense in every field. */
function forgedObjects(foreignIds: string[]): Record<string, unknown>[] {
  const fields = [
    "id",
    "teamId",
    "assessmentId",
    "questionId",
    "planItemId",
    "cycleId",
    "orgUnitId",
    "userId",
    "countermeasureId",
    "expectedVersion",
    "version",
    "value",
    "answer",
    "status",
    "reason",
    "role",
    "email",
    "name",
  ];
  const objects: Record<string, unknown>[] = [];
  for (const id of foreignIds) {
    objects.push(Object.fromEntries(fields.map((field) => [field, field.endsWith("Version") || field === "version" ? 1 : id])));
  }
  objects.push(Object.fromEntries(fields.map((field) => [field, { nested: [1, 2, 3] }])));
  objects.push(Object.fromEntries(fields.map((field) => [field, -99999])));
  return objects;
}

function actionRequests(actionId: string, name: string, foreignIds: string[]): FuzzRequest[] {
  const requests: FuzzRequest[] = [];
  const headers = { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8" };
  const jsonBodies: string[] = [
    "not json at all",
    "",
    "{}",
    '{"0":1}',
    "[",
    '["$Q1"]',
    '["$@1","$F2"]',
    '["$n123abc"]',
  ];
  for (const value of hostileValues(foreignIds)) jsonBodies.push(JSON.stringify([null, value]));
  for (const forged of forgedObjects(foreignIds)) jsonBodies.push(JSON.stringify([forged]), JSON.stringify([forged, forged, forged]));
  for (const body of jsonBodies) {
    requests.push({ label: `${name} json`, path: "/", init: { method: "POST", headers, body }, signedIn: true });
  }
  // Anonymous callers, and one body just under the size limit.
  for (const body of jsonBodies.slice(0, 4)) {
    requests.push({ label: `${name} json anonymous`, path: "/", init: { method: "POST", headers, body }, signedIn: false });
  }
  requests.push({
    label: `${name} huge json`,
    path: "/",
    init: { method: "POST", headers, body: JSON.stringify([null, "x".repeat(1_500_000)]) },
    signedIn: true,
  });
  // Form posts, as useActionState sends them, with forged fields.
  for (const forged of forgedObjects(foreignIds)) {
    const form = new FormData();
    form.set("0", JSON.stringify([null, "$K1"]));
    for (const [key, value] of Object.entries(forged)) form.set(`1_${key}`, typeof value === "string" ? value : JSON.stringify(value));
    requests.push({ label: `${name} form`, path: "/", init: { method: "POST", headers: { "Next-Action": actionId }, body: form }, signedIn: true });
  }
  // From another origin (a CSRF attempt): refused before the action runs.
  for (const origin of ["https://evil.example", "null", "not a url", "http://127.0.0.1:1"]) {
    requests.push({
      label: `${name} cross-origin`,
      path: "/",
      init: { method: "POST", headers: { ...headers, Origin: origin }, body: JSON.stringify([null, {}]) },
      signedIn: true,
    });
    const form = new FormData();
    form.set("0", JSON.stringify([null, "$K1"]));
    form.set("1_teamSlug", "checkout");
    requests.push({
      label: `${name} cross-origin form`,
      path: "/",
      init: { method: "POST", headers: { "Next-Action": actionId, Origin: origin }, body: form },
      signedIn: false,
    });
  }
  // Signed out, with arguments that are not a form at all, each claiming another client address.
  for (const [index, body] of jsonBodies.slice(8, 20).entries()) {
    requests.push({
      label: `${name} non-form anonymous`,
      path: "/",
      init: { method: "POST", headers: { ...headers, "X-Forwarded-For": `198.51.100.${index}, 10.0.0.1` }, body },
      signedIn: false,
    });
  }
  const broken = new FormData();
  broken.set("1_x", "no arguments part");
  requests.push({ label: `${name} form without arguments`, path: "/", init: { method: "POST", headers: { "Next-Action": actionId }, body: broken }, signedIn: true });
  return requests;
}

const MALFORMED_SEGMENTS = ["%E0%A4%A", "%C3%28", "%", "%FF%FE%", "%uD800"];

/** Redirect targets that would leave the site after signing in. */
const REDIRECT_PAYLOADS = [
  "/..//evil.example/x",
  "/.//evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "x".repeat(5000),
];

function redirectRequests(): FuzzRequest[] {
  return REDIRECT_PAYLOADS.flatMap((payload) => [
    { label: "GET /sign-in next=", path: `/sign-in?next=${encodeURIComponent(payload)}`, init: { method: "GET" }, signedIn: true },
    { label: "GET /sign-in next= anonymous", path: `/sign-in?next=${encodeURIComponent(payload)}`, init: { method: "GET" }, signedIn: false },
  ]);
}

function routeRequests(otherTeamSlugs: string[], foreignIds: string[]): FuzzRequest[] {
  const manifest = JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>;
  const requests: FuzzRequest[] = [];
  const fillers = ["checkout", ...otherTeamSlugs.slice(0, 2), ...foreignIds.slice(0, 2), "%00", "..%2F..%2F", "x".repeat(3000)];
  const queries = ["", "?cycle=%FF%FE", "?page=-1", "?page=99999999999999999999", "?band=not-a-band&sort=drop%20table", "?cycle=1&cycle=2", `?q=${"y".repeat(5000)}`];
  for (const entry of Object.keys(manifest)) {
    const route = entry.replace(/\/(page|route)$/, "") || "/";
    // Framework-internal pages (the global error page answers 500 by design) and static files.
    if (route.includes("_not-found") || route.includes("_global-error") || route.endsWith(".svg")) continue;
    const segments = route.split("/").filter(Boolean);
    const templates = fillers.map((filler) =>
      "/" + segments.map((segment) => (segment.startsWith("[") ? encodeURIComponent(filler) : segment)).join("/"),
    );
    const dynamic = segments.some((segment) => segment.startsWith("["));
    // Percent-encoding that does not decode, written raw into each dynamic segment.
    for (const malformed of MALFORMED_SEGMENTS) {
      if (!dynamic) break;
      const path = "/" + segments.map((segment) => (segment.startsWith("[") ? malformed : segment)).join("/");
      requests.push({ label: `GET ${route} malformed encoding`, path, init: { method: "GET" }, signedIn: true });
      requests.push({ label: `GET ${route} malformed encoding anonymous`, path, init: { method: "GET" }, signedIn: false });
    }
    const paths = dynamic ? templates : [route === "/" ? "/" : `/${segments.join("/")}`];
    for (const [index, path] of paths.entries()) {
      // Every query variant on the first filler; the other fillers once each.
      for (const query of index === 0 ? queries : [""]) {
        requests.push({ label: `GET ${route}`, path: path + query, init: { method: "GET" }, signedIn: true });
      }
      requests.push({ label: `GET ${route} anonymous`, path, init: { method: "GET" }, signedIn: false });
      requests.push({ label: `POST ${route} without action`, path, init: { method: "POST", body: "{{{{" }, signedIn: true });
      requests.push({
        label: `POST ${route} unknown action`,
        path,
        init: { method: "POST", headers: { "Next-Action": "f".repeat(42) }, body: "[]" },
        signedIn: true,
      });
    }
  }
  return requests;
}

async function main() {
  rmSync(DATABASE_FILE, { force: true });
  rmSync(`${DATABASE_FILE}-wal`, { force: true });
  rmSync(`${DATABASE_FILE}-shm`, { force: true });
  const app = await startApp({ port: PORT, env: { DATABASE_URL: `file:./${DATABASE_FILE}`, DEMO_MODE: "true" } });
  try {
    const cookie = await sessionCookieFor(app.baseUrl, "lead@example.com", DEMO_PASSWORD);
    const db = new Database(DATABASE_FILE, { readonly: true });
    const { otherTeamSlugs, foreignIds } = ids(db);
    const before = snapshot(db);

    const requests = [
      ...serverActions().flatMap((action) => actionRequests(action.id, action.name, foreignIds)),
      ...routeRequests(otherTeamSlugs, foreignIds),
      ...redirectRequests(),
    ];
    const statusCounts = new Map<number, number>();
    const serverErrors: string[] = [];
    let sent = 0;
    const started = performance.now();
    // A few at a time: enough to overlap requests without turning this into a load test.
    const concurrency = 4;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          const headers = new Headers(request.init.headers);
          if (request.signedIn) headers.set("Cookie", cookie);
          const response = await fetch(app.baseUrl + request.path, { ...request.init, headers, redirect: "manual" });
          await response.arrayBuffer();
          sent++;
          statusCounts.set(response.status, (statusCounts.get(response.status) ?? 0) + 1);
          if (response.status >= 500) serverErrors.push(`${response.status} ${request.label} ${request.path.slice(0, 120)}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const after = snapshot(db);
    db.close();
    const changed = [...before.keys()].filter((table) => before.get(table) !== after.get(table));

    console.log(`requests sent: ${sent} in ${seconds.toFixed(1)} s (${serverActions().length} server actions, routes from the build manifest)`);
    console.log(
      `status codes: ${[...statusCounts.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(" ")}`,
    );
    for (const line of serverErrors.slice(0, 20)) console.log(`  5xx: ${line}`);
    for (const table of changed) console.log(`  unexpected write in: ${table}`);
    console.log(`5xx: ${serverErrors.length} unexpected_writes: ${changed.length}`);
    process.exitCode = serverErrors.length === 0 && changed.length === 0 ? 0 : 1;
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

/**
 * The access matrix of the read-only API: every route under app/api/v1, called with a personal
 * access token of every kind of caller (the five roles, a deactivated person whose token is still
 * unexpired, and a caller without a token) against their own team or org unit and another one.
 *
 * The same rules as the pages (access-matrix.test.ts): a token sees exactly what its person sees.
 * An allowed call answers 200 with the target's data; a refused one answers with its status as
 * problem details and mentions nothing of the target; "target untouched" answers 200 without it.
 *
 * The first describe block fails when a route handler under app/api/v1 has no row here, or when
 * the route list the OpenAPI document is generated from does not match the handlers.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "@/contracts/api/routes";
import { db } from "@/server/db";
import { API_ROUTE_MODULES, callApi, issueToken } from "../api/api-client";
import {
  CALLER_LABELS,
  CALLERS,
  createPlanBasis,
  createPlanItem,
  createSharedCycles,
  createWorld,
  type Caller,
  type SharedCycles,
  type Side,
  type World,
} from "./access-matrix-fixtures";

const ALLOW = "allowed";
const HIDE = "not found";
const SIGN_IN = "401 unauthorized";
const KEEP = "target untouched";
type Outcome = typeof ALLOW | typeof HIDE | typeof SIGN_IN | typeof KEEP;
const STATUS: Record<Outcome, number> = { [ALLOW]: 200, [HIDE]: 404, [SIGN_IN]: 401, [KEEP]: 200 };

/** One outcome per caller, in the order of CALLERS: admin, head, coach, lead, member, deactivated, no token. */
type Outcomes = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
type Expectations = { own: Outcomes; other: Outcomes } | { global: Outcomes };
type Target = "own" | "other" | "global";

// prettier-ignore
const EXPECTED: Record<string, Expectations> = {
  //                                     admin    head     coach    lead     member   deact.   no token
  // Teams: whoever may read the team on its page; lists leave out the teams one may not read.
  "/teams":                       { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                    other:  [ALLOW,   ALLOW,   KEEP,    KEEP,    KEEP,    SIGN_IN, SIGN_IN] },
  "/teams/{team}":                { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                    other:  [ALLOW,   ALLOW,   HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  "/teams/{team}/results":        { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                    other:  [ALLOW,   ALLOW,   HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  "/teams/{team}/results/{cycle}":{ own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                    other:  [ALLOW,   ALLOW,   HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // Plans are read by everyone who reads the team, as on the plan page.
  "/teams/{team}/plan-items":     { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                    other:  [ALLOW,   ALLOW,   HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // Org units: the coach's own, and the unit of one's own team.
  "/org-units":                   { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                    other:  [ALLOW,   ALLOW,   KEEP,    KEEP,    KEEP,    SIGN_IN, SIGN_IN] },
  // The heatmap is the organisation view: leads and members have none (the page sends them to
  // their own team), and a coach's shows their unit's teams only.
  "/heatmap":                     { own:    [ALLOW,   ALLOW,   ALLOW,   HIDE,    HIDE,    SIGN_IN, SIGN_IN],
                                    other:  [ALLOW,   ALLOW,   KEEP,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // Cycles are organisation-wide facts every role sees on its pages.
  "/cycles":                      { global: [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN] },
  // The document describing the API needs no token and holds no data.
  "/openapi.json":                { global: [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW] },
};

interface RouteSetup {
  params?: Record<string, string>;
  query?: string;
  /** Text an allowed answer must contain: the target's data. */
  shows: string[];
}

let cycles: SharedCycles;

/** How each route is called against a side (own or other), with the data it should then show. */
const ARRANGE: Record<string, (side: Side) => Promise<RouteSetup>> = {
  "/teams": async (side) => ({ query: "limit=200", shows: [side.team.name, side.team.slug] }),
  "/teams/{team}": async (side) => ({
    params: { team: side.team.slug },
    shows: [side.team.name, side.unit.name],
  }),
  "/teams/{team}/results": async (side) => {
    await createPlanBasis(side.team.id, cycles);
    return { params: { team: side.team.slug }, shows: [cycles.closed.name] };
  },
  "/teams/{team}/results/{cycle}": async (side) => {
    await createPlanBasis(side.team.id, cycles);
    return {
      params: { team: side.team.slug, cycle: "2026-q3" },
      shows: [side.team.name, cycles.closed.name],
    };
  },
  "/teams/{team}/plan-items": async (side) => {
    const item = await createPlanItem(side.team.id, cycles);
    return { params: { team: side.team.slug }, shows: [item.id] };
  },
  "/org-units": async (side) => ({ query: "limit=200", shows: [side.unit.name, side.unit.slug] }),
  "/heatmap": async (side) => ({ query: "cycle=2026-q4", shows: [side.team.name, side.team.slug] }),
  "/cycles": async () => ({ shows: [cycles.open.name, cycles.closed.name] }),
  "/openapi.json": async () => ({ shows: ['"openapi":"3.1.0"'] }),
};

/** A route without a target in the address can only be checked against the caller's own side. */
function targetSecrets(side: Side): string[] {
  return [side.team.name, side.team.slug, side.team.id, side.unit.name, side.unit.slug, side.unit.id];
}

async function tokenOf(world: World): Promise<string | null> {
  if (world.caller === "anonymous") return null;
  return (await issueToken(world.person.id)).token;
}

async function runCell(apiPath: string, world: World, target: Target, expected: Outcome) {
  const side = target === "other" ? world.other : world.own;
  const setup = await ARRANGE[apiPath]!(side);
  const token = await tokenOf(world);
  const response = await callApi(apiPath, { params: setup.params, query: setup.query, token });
  const body = await response.text();
  expect(response.status, body.slice(0, 300)).toBe(STATUS[expected]);
  if (expected === ALLOW) {
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    for (const text of setup.shows) expect(body).toContain(text);
    if (target !== "global") return;
  } else if (expected !== KEEP) {
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = JSON.parse(body) as { status: number; type: string; title: string; detail: string };
    expect(problem.status).toBe(STATUS[expected]);
    expect(problem.title).not.toBe("");
    expect(problem.detail).not.toBe("");
    if (expected === SIGN_IN) expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
  }
  const hidden =
    target === "global" ? [...targetSecrets(world.own), ...targetSecrets(world.other)] : targetSecrets(side);
  for (const secret of hidden) expect(body, "the answer shows the target's data").not.toContain(secret);
}

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

describe("the API access matrix covers every API route", () => {
  it("has a handler module for every route file under app/api/v1", () => {
    const files = readdirSync(path.join(ROOT, "app/api/v1"), { recursive: true, encoding: "utf8" })
      .map((file) => path.posix.join("app/api/v1", file.split(path.sep).join("/")))
      .filter((file) => /(^|\/)route\.(ts|tsx|js|jsx|mjs)$/.test(file))
      .sort();
    expect(files).toEqual(Object.keys(API_ROUTE_MODULES).sort());
  });

  it("answers only GET on every route", () => {
    for (const { module } of Object.values(API_ROUTE_MODULES)) {
      expect(Object.keys(module).filter((name) => /^[A-Z]+$/.test(name))).toEqual(["GET"]);
    }
  });

  it("has one line of expectations per route the OpenAPI document describes, and no other", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(API_ROUTES.map((route) => route.path).sort());
    expect(
      Object.values(API_ROUTE_MODULES)
        .map((entry) => entry.path)
        .sort(),
    ).toEqual(API_ROUTES.map((route) => route.path).sort());
  });
});

describe("API access matrix", () => {
  beforeAll(async () => {
    cycles = await createSharedCycles();
  });

  for (const [apiPath, expectations] of Object.entries(EXPECTED)) {
    describe(`GET /api/v1${apiPath}`, () => {
      for (const [target, outcomes] of Object.entries(expectations) as [Target, Outcomes][]) {
        CALLERS.forEach((caller: Caller, index) => {
          const expected = outcomes[index]!;
          const label =
            target === "global"
              ? "the organisation"
              : target === "own"
                ? "their own side"
                : "another team or unit";
          it(`${CALLER_LABELS[caller]} → ${label}: ${expected}`, async () => {
            const world = await createWorld(caller);
            await runCell(apiPath, world, target, expected);
          });
        });
      }
    });
  }
});

describe("API access follows role changes at once", () => {
  beforeAll(async () => {
    cycles ??= await createSharedCycles();
  });

  it("a token stops reading a team the moment its person loses the role", async () => {
    const world = await createWorld("team_lead");
    const { token } = await issueToken(world.person.id);
    const params = { team: world.own.team.slug };
    expect((await callApi("/teams/{team}", { params, token })).status).toBe(200);
    await db.roleAssignment.deleteMany({ where: { userId: world.person.id } });
    expect((await callApi("/teams/{team}", { params, token })).status).toBe(404);
  });
});

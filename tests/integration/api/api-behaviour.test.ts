/**
 * How the API answers beyond access: cursor pagination, malformed queries (400), unknown things
 * (404), the per-token rate limit (429), and figures that match the pages' for the same cycle.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { API_RATE_LIMIT, API_UNKNOWN_TOKEN_LIMIT } from "@/contracts/api/limits";
import {
  heatmapSchema,
  orgUnitPageSchema,
  planItemPageSchema,
  resultSummaryPageSchema,
  teamPageSchema,
  teamResultSchema,
  type ApiHeatmap,
  type ApiTeamResult,
} from "@/contracts/api/schemas";
import { rateLimitKey, countApiRequest, unknownTokenKey } from "@/server/api/rate-limit";
import { newTokenSecret } from "@/server/api/token-secret";
import { getAssessmentResult, getTeamOverview } from "@/server/assessments/queries";
import { loadActor } from "@/server/auth/session";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { db } from "@/server/db";
import { getTeamPlan } from "@/server/plans/queries";
import { createScoredAssessment } from "../plans/fixtures";
import {
  createPlanItem,
  createSharedCycles,
  createWorld,
  uniqueToken,
  type SharedCycles,
} from "../access/access-matrix-fixtures";
import { callApi, issueToken, randomClientAddress } from "./api-client";

let cycles: SharedCycles;

beforeAll(async () => {
  cycles = await createSharedCycles();
});

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: Record<string, string[]>;
  };
}

describe("cursor pagination", () => {
  it("walks every team a coach may read exactly once, in slug order, page by page", async () => {
    const world = await createWorld("coach");
    // Seven more teams in the coach's unit, so pages of three end in a partial page.
    for (let index = 0; index < 7; index++) {
      const token = uniqueToken();
      await db.team.create({
        data: { name: `Paged team ${token}`, slug: `paged-${token}`, orgUnitId: world.own.unit.id },
      });
    }
    const expected = (
      await db.team.findMany({
        where: { orgUnitId: world.own.unit.id },
        orderBy: { slug: "asc" },
        select: { slug: true },
      })
    ).map((team) => team.slug);
    expect(expected).toHaveLength(8);

    const { token } = await issueToken(world.person.id);
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : "limit=3";
      const response = await callApi("/teams", { token, query });
      expect(response.status).toBe(200);
      const page = teamPageSchema.parse(await response.json());
      seen.push(...page.data.map((team) => team.slug));
      pageSizes.push(page.data.length);
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen).toEqual(expected);
    expect(pageSizes).toEqual([3, 3, 2]);
  });

  it("ends with a null cursor when the last page is exactly full", async () => {
    const world = await createWorld("team_lead");
    const { token } = await issueToken(world.person.id);
    const page = teamPageSchema.parse(await (await callApi("/teams", { token, query: "limit=1" })).json());
    expect(page.data).toHaveLength(1);
    expect(page.nextCursor).toBeNull();
  });

  it("pages lists kept in memory (cycles) the same way, newest first", async () => {
    const world = await createWorld("member");
    const { token } = await issueToken(world.person.id);
    const first = (await (await callApi("/cycles", { token, query: "limit=1" })).json()) as {
      data: { key: string }[];
      nextCursor: string;
    };
    const second = (await (
      await callApi("/cycles", { token, query: `limit=1&cursor=${encodeURIComponent(first.nextCursor)}` })
    ).json()) as { data: { key: string }[] };
    expect([...first.data, ...second.data].map((cycle) => cycle.key)).toEqual(["2026-q4", "2026-q3"]);
  });

  it("refuses a cursor of another list, a forged one, and limits out of range, naming the parameter", async () => {
    const world = await createWorld("admin");
    const { token } = await issueToken(world.person.id);
    const unitsPage = orgUnitPageSchema.parse(
      await (await callApi("/org-units", { token, query: "limit=1" })).json(),
    );
    expect(unitsPage.nextCursor).not.toBeNull();

    const cases: [string, string][] = [
      [`cursor=${encodeURIComponent(unitsPage.nextCursor!)}`, "cursor"],
      ["cursor=not-a-cursor", "cursor"],
      [`cursor=${Buffer.from('{"list":"teams","after":""}').toString("base64url")}`, "cursor"],
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["limit=2.5", "limit"],
      ["limit=ten", "limit"],
      ["limit=5&limit=6", "limit"],
      ["colour=red", "colour"],
    ];
    for (const [query, parameter] of cases) {
      const response = await callApi("/teams", { token, query });
      expect(response.status, query).toBe(400);
      const problem = await problemOf(response);
      expect(problem, query).toMatchObject({
        status: 400,
        title: "Bad request",
        type: "/api-docs#problem-bad-request",
      });
      expect(Object.keys(problem.errors ?? {}), query).toEqual([parameter]);
      expect(problem.detail, query).toContain(parameter);
    }
  });
});

describe("malformed and unknown", () => {
  it("names a plain object inherits (__proto__, constructor, toString) are unknown parameters like any other", async () => {
    const world = await createWorld("admin");
    const { token } = await issueToken(world.person.id);
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      const response = await callApi("/teams", { token, query: `${name}=1` });
      expect(response.status, name).toBe(400);
      const problem = await problemOf(response);
      expect(Object.keys(problem.errors ?? {}), name).toEqual([name]);
      expect(Object.getOwnPropertyDescriptor(problem.errors, name)?.value, name).toEqual([
        "Unknown parameter; this route takes limit, cursor.",
      ]);
      expect(problem.detail, name).toContain(`${name}: Unknown parameter`);
    }
    // Given twice, such a name is still reported as repeated, by its own name.
    const twice = await callApi("/teams", { token, query: "__proto__=1&__proto__=2" });
    expect(twice.status).toBe(400);
    expect(Object.keys((await problemOf(twice)).errors ?? {})).toEqual(["__proto__"]);
  });

  it("a malformed cycle is a 400; a cycle without a submitted result, an unknown team or cycle is a 404", async () => {
    const world = await createWorld("head_of_engineering");
    await createScoredAssessment(world.own.team.id, cycles.closed.id, 0.5, new Date());
    const { token } = await issueToken(world.person.id);
    const team = world.own.team.slug;

    expect(
      (await callApi("/teams/{team}/results/{cycle}", { token, params: { team, cycle: "2026-q3" } })).status,
    ).toBe(200);
    const bad = await callApi("/teams/{team}/results/{cycle}", { token, params: { team, cycle: "Q3-2026" } });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors).toEqual({
      cycle: ["Write the cycle as year-quarter, e.g. 2026-q4"],
    });
    expect(
      (await callApi("/teams/{team}/results/{cycle}", { token, params: { team, cycle: "2026-q4" } })).status,
    ).toBe(404);
    expect((await callApi("/teams/{team}", { token, params: { team: "no-such-team" } })).status).toBe(404);

    const heatmapChecks: [string, number][] = [
      ["cycle=2026-q4", 200],
      ["cycle=2031-q1", 404],
      ["cycle=2026-Q5", 400],
      ["unit=no-such-unit", 404],
      ["unit=Not%20A%20Slug", 400],
      ["band=severe", 400],
      ["sort=team", 400],
    ];
    for (const [query, status] of heatmapChecks) {
      const response = await callApi("/heatmap", { token, query });
      expect(response.status, query).toBe(status);
      if (status !== 200) expect((await problemOf(response)).status, query).toBe(status);
    }
  });
});

describe("rate limit per token", () => {
  it("answers 429 with Retry-After once the window's requests are used, and again after the window", async () => {
    const world = await createWorld("member");
    const { token, id } = await issueToken(world.person.id);
    const first = await callApi("/cycles", { token });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit")).toBe(String(API_RATE_LIMIT.max));
    expect(first.headers.get("x-ratelimit-remaining")).toBe(String(API_RATE_LIMIT.max - 1));

    // The rest of the window's requests, as another instance would have counted them.
    await db.rateLimit.update({ where: { key: rateLimitKey(id) }, data: { count: API_RATE_LIMIT.max } });
    const refused = await callApi("/cycles", { token });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(API_RATE_LIMIT.windowMs / 1000);
    expect(await problemOf(refused)).toMatchObject({
      status: 429,
      type: "/api-docs#problem-too-many-requests",
    });

    // Another token of the same person has its own window.
    const second = await issueToken(world.person.id);
    expect((await callApi("/cycles", { token: second.token })).status).toBe(200);

    // Once the window has passed, the count starts again.
    await db.rateLimit.update({
      where: { key: rateLimitKey(id) },
      data: { lastRequest: BigInt(Date.now() - API_RATE_LIMIT.windowMs - 1) },
    });
    expect((await callApi("/cycles", { token })).status).toBe(200);
  });

  it("counts parallel requests atomically: exactly the limit gets through", async () => {
    const world = await createWorld("member");
    const { id } = await issueToken(world.person.id);
    const now = Date.now();
    const decisions = await Promise.all(
      Array.from({ length: 12 }, () => countApiRequest(db, id, now, { max: 5, windowMs: 60_000 })),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    expect(Number((await db.rateLimit.findUniqueOrThrow({ where: { key: rateLimitKey(id) } })).count)).toBe(
      12,
    );
  });
});

describe("unknown tokens per address", () => {
  it("after the limit an address gets 429 for unknown tokens, while valid tokens and other addresses go on", async () => {
    const world = await createWorld("member");
    const valid = await issueToken(world.person.id);
    const revoked = await issueToken(world.person.id, { revokedAt: new Date() });
    const address = randomClientAddress();
    // Each guess from another address of the same /64, which throttling counts as one.
    let host = 0;
    const guess = () =>
      callApi("/cycles", {
        token: newTokenSecret().token,
        address: address.replace(/::1$/, `::${(++host).toString(16)}`),
      });
    const counted = async () =>
      Number((await db.rateLimit.findUnique({ where: { key: unknownTokenKey(address) } }))?.count ?? 0);

    for (let attempt = 1; attempt <= API_UNKNOWN_TOKEN_LIMIT.max; attempt++) {
      const response = await guess();
      expect(response.status).toBe(401);
      expect((await problemOf(response)).detail).toBe("This token is not valid.");
    }
    const refused = await guess();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(API_UNKNOWN_TOKEN_LIMIT.windowMs / 1000);
    expect(await problemOf(refused)).toMatchObject({
      status: 429,
      type: "/api-docs#problem-too-many-requests",
      detail: `Too many requests with unknown tokens came from your address. Try again in ${retryAfter} seconds.`,
    });
    expect(await counted()).toBe(API_UNKNOWN_TOKEN_LIMIT.max + 1);

    // A valid token from the same address still works; a revoked one is refused as revoked and
    // not counted; a malformed header is not counted either.
    expect((await callApi("/cycles", { token: valid.token, address })).status).toBe(200);
    const revokedAnswer = await callApi("/cycles", { token: revoked.token, address });
    expect(revokedAnswer.status).toBe(401);
    expect((await problemOf(revokedAnswer)).detail).toBe("This token was revoked.");
    expect((await callApi("/cycles", { authorization: "Bearer nonsense", address })).status).toBe(401);
    expect(await counted()).toBe(API_UNKNOWN_TOKEN_LIMIT.max + 1);

    // Another address has its own count.
    const elsewhere = await callApi("/cycles", { token: newTokenSecret().token });
    expect(elsewhere.status).toBe(401);

    // Once the window has passed, an unknown token is a plain 401 again.
    await db.rateLimit.update({
      where: { key: unknownTokenKey(address) },
      data: { lastRequest: BigInt(Date.now() - API_UNKNOWN_TOKEN_LIMIT.windowMs - 1) },
    });
    expect((await guess()).status).toBe(401);
    expect(await counted()).toBe(1);
  });
});

describe("the API's figures are the pages' figures", () => {
  it("results, the results list, plan items and the heatmap match what the pages read for the same cycle", async () => {
    const world = await createWorld("head_of_engineering");
    const actor = (await loadActor(world.person.id))!;
    const team = world.own.team;
    // Results in both cycles, so the heatmap has trends; a plan item from the closed cycle's ranking.
    await createPlanItem(team.id, cycles);
    await createScoredAssessment(team.id, cycles.open.id, 0.3, new Date());
    const { token } = await issueToken(world.person.id);

    for (const cycle of ["2026-q3", "2026-q4"]) {
      const response = await callApi("/teams/{team}/results/{cycle}", {
        token,
        params: { team: team.slug, cycle },
      });
      const api: ApiTeamResult = teamResultSchema.parse(await response.json());
      const page = await getAssessmentResult(actor, team.slug, cycle);
      expect(api.cycle.name).toBe(page.cycle.name);
      expect(api.headline.band).toBe(page.overall.headline.worstBand);
      expect(api.headline.highOrCriticalCount).toBe(page.overall.headline.highOrCriticalCount);
      expect(api.headline.averageScore).toBe(page.overall.headline.averageScore);
      expect(api.headline.worstPitfalls.map((pitfall) => pitfall.name)).toEqual(
        page.overall.headline.worstPitfallNames,
      );
      expect(
        api.pitfalls.map((pitfall) => [pitfall.pitfall.id, pitfall.score, pitfall.band, pitfall.confidence]),
      ).toEqual(
        page.pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall.score, pitfall.band, pitfall.confidence]),
      );
      expect(api.pitfalls.map((pitfall) => pitfall.triggeredSymptoms.map((symptom) => symptom.id))).toEqual(
        page.pitfalls.map((pitfall) => pitfall.symptoms.map((symptom) => symptom.id)),
      );
      expect(
        api.pitfalls.map((pitfall) => pitfall.countermeasures.map((step) => [step.id, step.riskRemoved])),
      ).toEqual(
        page.pitfalls.map((pitfall) =>
          pitfall.nextSteps.map((step) => [step.countermeasureId, step.riskRemoved]),
        ),
      );
      // Something to compare: the stored results carry symptoms and countermeasures.
      expect(api.pitfalls.some((pitfall) => pitfall.countermeasures.length > 0)).toBe(true);
    }

    const results = resultSummaryPageSchema.parse(
      await (await callApi("/teams/{team}/results", { token, params: { team: team.slug } })).json(),
    );
    const overview = await getTeamOverview(actor, team.slug);
    expect(
      results.data.map((result) => [result.cycle.name, result.headline.band, result.headline.averageScore]),
    ).toEqual(
      overview.history.map((entry) => [
        entry.cycleName,
        entry.overall.headline.worstBand,
        entry.overall.headline.averageScore,
      ]),
    );

    const items = planItemPageSchema.parse(
      await (await callApi("/teams/{team}/plan-items", { token, params: { team: team.slug } })).json(),
    );
    const plan = await getTeamPlan(actor, team.slug);
    expect(
      items.data.map((item) => [
        item.id,
        item.status,
        item.closedLoop.scoreWhenAdded,
        item.closedLoop.latestScore,
        item.closedLoop.text,
      ]),
    ).toEqual(
      plan.items.map((item) => [
        item.id,
        item.status,
        item.closedLoop.scoreWhenAdded,
        item.closedLoop.latestScore,
        item.closedLoop.text,
      ]),
    );
    expect(items.data).toHaveLength(1);

    const heatmap: ApiHeatmap = heatmapSchema.parse(
      await (await callApi("/heatmap", { token, query: `cycle=2026-q4&unit=${world.own.unit.slug}` })).json(),
    );
    const view = await getOrgHeatmap(actor, { cycle: "2026-q4", unit: world.own.unit.slug });
    const apiRows = heatmap.units.flatMap((unit) => unit.teams);
    const pageRows = view.heatmap.groups.flatMap((group) => group.rows);
    expect(apiRows.map((row) => row.slug)).toEqual(pageRows.map((row) => row.slug));
    for (const [index, row] of apiRows.entries()) {
      const pageRow = pageRows[index]!;
      for (const [column, cell] of Object.entries(row.cells)) {
        const pageCell = pageRow.cells[column as keyof typeof pageRow.cells];
        expect([column, cell.score, cell.band, cell.status, cell.trend?.change ?? null]).toEqual([
          column,
          pageCell.score,
          pageCell.band,
          pageCell.status,
          pageCell.trend?.change ?? null,
        ]);
      }
    }
    const teamRow = apiRows.find((row) => row.slug === team.slug)!;
    expect(teamRow.completion).toBe("submitted");
    expect(teamRow.cells.overall.trend).not.toBeNull();
  });
});

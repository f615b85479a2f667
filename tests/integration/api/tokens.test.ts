/**
 * Personal access tokens: created by their person with their current password (or a recent single
 * sign-on), revoked by them, stored only as a hash, audited, and refused (401) by every API route
 * once revoked or expired or when their person is deactivated.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { API_ROUTES } from "@/contracts/api/routes";
import { MAX_ACTIVE_TOKENS } from "@/contracts/api/tokens";
import { CURRENT_PASSWORD_LIMIT } from "@/server/auth/sign-in-throttle";
import { loadActor } from "@/server/auth/session";
import { createApiToken, revokeApiToken } from "@/server/api/token-mutations";
import { listOwnApiTokens } from "@/server/api/token-queries";
import { db } from "@/server/db";
import {
  CALLER_PASSWORD,
  createSharedCycles,
  createWorld,
  createPlanBasis,
  type SharedCycles,
} from "../access/access-matrix-fixtures";
import { callApi, issueToken } from "./api-client";

// The session of the request, for people without a password (single sign-on only).
const session = vi.hoisted(() => ({ startedAt: null as Date | null }));
vi.mock("@/server/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/auth/session")>()),
  currentSession: async () => (session.startedAt ? { id: "session", startedAt: session.startedAt } : null),
}));

// Every world's person signs in with CALLER_PASSWORD.
const PASSWORD = CALLER_PASSWORD;
let cycles: SharedCycles;

beforeAll(async () => {
  cycles = await createSharedCycles();
});

/** A team lead who signs in with a password, or (`withPassword: false`) only through single sign-on. */
async function leadWithActor({ withPassword = true } = {}) {
  const world = await createWorld("team_lead");
  if (!withPassword)
    await db.account.deleteMany({ where: { userId: world.person.id, providerId: "credential" } });
  const actor = await loadActor(world.person.id);
  if (!actor) throw new Error("the lead could not be loaded");
  return { world, actor };
}

/** Params that make each route answer 200 for the caller's own team. */
function ownCall(world: Awaited<ReturnType<typeof createWorld>>, apiPath: string) {
  const params: Record<string, string> = {};
  if (apiPath.includes("{team}")) params.team = world.own.team.slug;
  if (apiPath.includes("{cycle}")) params.cycle = "2026-q3";
  return { params };
}

describe("creating a token", () => {
  it("returns the secret once and stores only its SHA-256, with a name, expiry and display prefix", async () => {
    const { world, actor } = await leadWithActor();
    const now = new Date("2026-11-01T10:00:00Z");
    const created = await createApiToken(
      actor,
      { name: "Grafana", expiresInDays: 90, currentPassword: PASSWORD },
      now,
    );

    expect(created.token).toMatch(/^prt_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.view.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(4));
    expect(row.prefix).toBe(created.token.slice(0, 10));
    expect(row.name).toBe("Grafana");
    expect(row.userId).toBe(world.person.id);
    expect(row.expiresAt.toISOString()).toBe("2027-01-30T10:00:00.000Z");
    expect(created.view).toMatchObject({ state: "active", lastUsedAt: null, revokedAt: null });
  });

  it("is recorded in the audit log without the secret", async () => {
    const { world, actor } = await leadWithActor();
    const created = await createApiToken(actor, {
      name: "Backstage",
      expiresInDays: 30,
      currentPassword: PASSWORD,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "api_token.created", entityId: created.view.id },
    });
    expect(event.actorId).toBe(world.person.id);
    expect(event.entityType).toBe("api_token");
    expect(JSON.parse(event.after!)).toMatchObject({ name: "Backstage", prefix: created.view.prefix });
    expect(event.after).not.toContain(created.token);
  });

  it(`is refused beyond ${MAX_ACTIVE_TOKENS} active tokens, and nothing is written`, async () => {
    const { world, actor } = await leadWithActor();
    for (let index = 0; index < MAX_ACTIVE_TOKENS; index++) await issueToken(world.person.id);
    // Revoked and expired tokens do not count.
    await issueToken(world.person.id, { revokedAt: new Date() });
    await issueToken(world.person.id, { expiresAt: new Date(Date.now() - 1000) });
    await expect(
      createApiToken(actor, { name: "One too many", expiresInDays: 7, currentPassword: PASSWORD }),
    ).rejects.toMatchObject({
      code: "validation",
      message: expect.stringContaining("Revoke one"),
    });
    expect(await db.apiToken.count({ where: { userId: world.person.id } })).toBe(MAX_ACTIVE_TOKENS + 2);
  });

  it("needs the person's current password: missing or wrong, nothing is created, and wrong ones are limited", async () => {
    const { world, actor } = await leadWithActor();
    const attempt = (currentPassword: string | undefined) =>
      createApiToken(actor, { name: "Stolen session", expiresInDays: 365, currentPassword });
    await expect(attempt(undefined)).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { currentPassword: ["Enter your current password."] },
    });
    for (let index = 0; index < CURRENT_PASSWORD_LIMIT.max; index++) {
      await expect(attempt(`a-guess-${index}`)).rejects.toMatchObject({
        code: "validation",
        fieldErrors: { currentPassword: ["Your current password is not right."] },
      });
    }
    // Past the limit, even the right password waits for the window to end.
    await expect(attempt(PASSWORD)).rejects.toMatchObject({
      code: "throttled",
      message: expect.stringMatching(/^Too many wrong current passwords\. Try again in 15 minutes\.$/),
    });
    expect(await db.apiToken.count({ where: { userId: world.person.id } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: "api_token.created", actorId: world.person.id } }),
    ).toBe(0);
  });

  it("for someone without a password (single sign-on), needs a sign-in in the last 15 minutes instead", async () => {
    const { world, actor } = await leadWithActor({ withPassword: false });
    const now = new Date("2026-11-01T10:00:00Z");
    const create = () =>
      createApiToken(actor, { name: "Dashboard", expiresInDays: 30, currentPassword: undefined }, now);
    try {
      session.startedAt = new Date(now.getTime() - 16 * 60_000);
      await expect(create()).rejects.toMatchObject({
        code: "forbidden",
        message: expect.stringContaining("creating a token needs a sign-in in the last 15 minutes"),
      });
      expect(await db.apiToken.count({ where: { userId: world.person.id } })).toBe(0);
      session.startedAt = new Date(now.getTime() - 14 * 60_000);
      expect((await create()).view.name).toBe("Dashboard");
    } finally {
      session.startedAt = null;
    }
  });

  it("works on the API at once and records when it was last used", async () => {
    const { world, actor } = await leadWithActor();
    const created = await createApiToken(actor, {
      name: "Script",
      expiresInDays: 7,
      currentPassword: PASSWORD,
    });
    const response = await callApi("/teams", { token: created.token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { slug: string }[] };
    expect(body.data.map((team) => team.slug)).toEqual([world.own.team.slug]);
    const [listed] = await listOwnApiTokens(actor);
    expect(listed!.lastUsedAt).not.toBeNull();
  });
});

describe("listing tokens", () => {
  it("shows a person only their own tokens, newest first, with their state", async () => {
    const { world, actor } = await leadWithActor();
    const other = await createWorld("member");
    await issueToken(other.person.id, { name: "Someone else's" });
    await db.apiToken.create({
      data: {
        userId: world.person.id,
        name: "Old",
        tokenHash: "h-old",
        prefix: "prt_old000",
        createdAt: new Date("2026-01-01"),
        expiresAt: new Date("2026-02-01"),
      },
    });
    await db.apiToken.create({
      data: {
        userId: world.person.id,
        name: "Revoked",
        tokenHash: "h-rev",
        prefix: "prt_rev000",
        createdAt: new Date("2026-03-01"),
        expiresAt: new Date("2099-01-01"),
        revokedAt: new Date("2026-03-02"),
      },
    });
    await db.apiToken.create({
      data: {
        userId: world.person.id,
        name: "Current",
        tokenHash: "h-cur",
        prefix: "prt_cur000",
        createdAt: new Date("2026-04-01"),
        expiresAt: new Date("2099-01-01"),
      },
    });
    const tokens = await listOwnApiTokens(actor, new Date("2026-06-01"));
    expect(tokens.map((token) => [token.name, token.state])).toEqual([
      ["Current", "active"],
      ["Revoked", "revoked"],
      ["Old", "expired"],
    ]);
  });
});

describe("revoking a token", () => {
  it("refuses the token from the next request on, and records it", async () => {
    const { world, actor } = await leadWithActor();
    const created = await createApiToken(actor, { name: "CI", expiresInDays: 30, currentPassword: PASSWORD });
    expect((await callApi("/cycles", { token: created.token })).status).toBe(200);

    await revokeApiToken(actor, { tokenId: created.view.id });

    const response = await callApi("/cycles", { token: created.token });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toBe("This token was revoked.");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "api_token.revoked", entityId: created.view.id },
    });
    expect(event.actorId).toBe(world.person.id);
    expect(JSON.parse(event.before!)).toMatchObject({ name: "CI" });
  });

  it("does not find another person's token, or one already revoked, and changes nothing", async () => {
    const { actor } = await leadWithActor();
    const other = await createWorld("member");
    const theirs = await issueToken(other.person.id);
    await expect(revokeApiToken(actor, { tokenId: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
    expect((await callApi("/cycles", { token: theirs.token })).status).toBe(200);

    const mine = await createApiToken(actor, { name: "Twice", expiresInDays: 7, currentPassword: PASSWORD });
    await revokeApiToken(actor, { tokenId: mine.view.id });
    await expect(revokeApiToken(actor, { tokenId: mine.view.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(
      await db.auditEvent.count({ where: { action: "api_token.revoked", entityId: mine.view.id } }),
    ).toBe(1);
  });
});

describe("tokens every API route refuses with 401", () => {
  const protectedRoutes = API_ROUTES.filter((route) => !route.public);

  for (const route of protectedRoutes) {
    it(`GET /api/v1${route.path}: revoked, expired, unknown, malformed, missing, or of a deactivated person`, async () => {
      // A coach may call every route, the heatmap included, for their own unit's team.
      const world = await createWorld("coach");
      await createPlanBasis(world.own.team.id, cycles);
      const { params } = ownCall(world, route.path);
      const valid = await issueToken(world.person.id);
      expect((await callApi(route.path, { params, token: valid.token })).status).toBe(200);

      const revoked = await issueToken(world.person.id, { revokedAt: new Date() });
      const expired = await issueToken(world.person.id, { expiresAt: new Date(Date.now() - 1000) });
      const refusals: [string, Response][] = [
        ["revoked", await callApi(route.path, { params, token: revoked.token })],
        ["expired", await callApi(route.path, { params, token: expired.token })],
        ["unknown", await callApi(route.path, { params, token: `prt_${"x".repeat(43)}` })],
        ["not a token", await callApi(route.path, { params, authorization: "Bearer some-password" })],
        ["basic", await callApi(route.path, { params, authorization: "Basic dXNlcjpwYXNz" })],
        ["missing", await callApi(route.path, { params, token: null })],
      ];
      await db.user.update({ where: { id: world.person.id }, data: { deactivatedAt: new Date() } });
      refusals.push(["deactivated", await callApi(route.path, { params, token: valid.token })]);

      for (const [label, response] of refusals) {
        expect(response.status, label).toBe(401);
        expect(response.headers.get("content-type"), label).toBe("application/problem+json");
        expect(response.headers.get("www-authenticate"), label).toMatch(/^Bearer realm=/);
        const problem = (await response.json()) as Record<string, unknown>;
        expect(problem, label).toMatchObject({
          type: "/api-docs#problem-unauthorized",
          title: "Unauthorized",
          status: 401,
        });
        expect(JSON.stringify(problem), label).not.toContain(world.own.team.name);
      }
    });
  }

  it("the expiry is exact: a token works until its expiry time and not after", async () => {
    const { world } = await leadWithActor();
    const soon = await issueToken(world.person.id, { expiresAt: new Date(Date.now() + 60_000) });
    expect((await callApi("/cycles", { token: soon.token })).status).toBe(200);
    await db.apiToken.update({ where: { id: soon.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const response = await callApi("/cycles", { token: soon.token });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toBe("This token has expired.");
  });
});

/**
 * SSO-only mode: with OIDC_ONLY=true the sign-in page offers only single sign-on, and the server
 * refuses a password sign-in even from a forged request, before any password is checked or counted.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/contracts/action-result";

vi.hoisted(() => {
  Object.assign(process.env, {
    OIDC_ISSUER: "http://127.0.0.1:9/realms/staff",
    OIDC_CLIENT_ID: "pitfall-radar",
    OIDC_CLIENT_SECRET: "test-secret",
    OIDC_DISPLAY_NAME: "Example Corp SSO",
    OIDC_ONLY: "true",
  });
});
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () =>
    new Headers({ "x-forwarded-for": "192.0.2.7", ...(request.cookie ? { cookie: request.cookie } : {}) }),
}));

const { signInAction } = await import("@/server/auth/actions");
const { signInOptions } = await import("@/server/auth/single-sign-on");
const { db } = await import("@/server/db");
const { canChangePassword } = await import("@/server/auth/password-account");
const { getCurrentActor } = await import("@/server/auth/session");
const { openSession } = await import("../access/access-matrix-fixtures");

describe("SSO-only mode", () => {
  it("hides the password form", () => {
    expect(signInOptions()).toEqual({ sso: { name: "Example Corp SSO" }, passwordAllowed: false });
  });

  it("refuses the right password without checking it, counting it or signing anyone in", async () => {
    const id = randomUUID();
    const email = `sso-only-${id.slice(0, 8)}@example.test`;
    await db.user.create({
      data: {
        id,
        name: "Only SSO",
        email,
        emailVerified: true,
        roles: { create: [{ role: "admin", scopeKey: "" }] },
        accounts: {
          create: {
            id: randomUUID(),
            accountId: id,
            providerId: "credential",
            password: await hashPassword("the-right-password-1"),
          },
        },
      },
    });
    const form = new FormData();
    form.set("email", email);
    form.set("password", "the-right-password-1");
    const result = (await signInAction(null, form)) as ActionResult<null>;
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: "forbidden",
        message: "This installation signs in through Example Corp SSO only.",
      }),
    });
    expect(await db.session.count({ where: { userId: id } })).toBe(0);
    expect(await db.rateLimit.count()).toBe(0);
  });

  it("offers no password change, even to a person who has a password", async () => {
    const id = randomUUID();
    await db.user.create({
      data: {
        id,
        name: "Had a password",
        email: `had-password-${id.slice(0, 8)}@example.test`,
        emailVerified: true,
        accounts: {
          create: { id: randomUUID(), accountId: id, providerId: "credential", password: "x" },
        },
      },
    });
    expect(await canChangePassword(id)).toBe(false);
  });

  it("does not hold a person at choosing a password an admin set: no password signs anyone in, nor could they change it", async () => {
    const id = randomUUID();
    await db.user.create({
      data: {
        id,
        name: "Given a password",
        email: `given-password-${id.slice(0, 8)}@example.test`,
        emailVerified: true,
        mustChangePassword: true,
        roles: { create: [{ role: "member", scopeKey: "" }] },
      },
    });
    request.cookie = await openSession(id);
    try {
      expect(await getCurrentActor()).toMatchObject({ id });
    } finally {
      request.cookie = "";
    }
  });
});

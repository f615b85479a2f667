/**
 * A person's own password, through the actions the account page and the first sign-in use, with
 * real sessions and password checks (`next/headers` is stood in for: each call runs with the
 * session cookie of a real sign-in):
 * - changing it ends every way in: other sessions and every API token;
 * - a password an admin set must be replaced before anything else: every page and action sends the
 *   person to the page where they choose their own, and once they have, they carry on;
 * - signing out other devices ends the other sessions and nothing else.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { createPerson } from "@/server/admin/people-mutations";
import {
  changePasswordAction,
  replaceAdminSetPasswordAction,
  signOutOtherDevicesAction,
} from "@/server/auth/actions";
import { getAuth } from "@/server/auth/auth";
import { getCurrentActor, loadActor, requireActor } from "@/server/auth/session";
import { db } from "@/server/db";
import { callApi, issueToken } from "../api/api-client";
import { actorFor, createUser } from "../admin/fixtures";

const requestContext = vi.hoisted(() => ({
  storage: null as null | import("node:async_hooks").AsyncLocalStorage<Headers>,
}));
vi.mock("next/headers", async (importOriginal) => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  requestContext.storage = new AsyncLocalStorage<Headers>();
  return {
    ...(await importOriginal<typeof import("next/headers")>()),
    headers: async () => requestContext.storage!.getStore() ?? new Headers(),
    cookies: async () => ({
      get: () => undefined,
      set: () => {},
      delete: () => {},
      has: () => false,
      getAll: () => [],
    }),
  };
});
// Pages are refreshed after a change; there are none here.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

vi.setConfig({ testTimeout: 60_000 });

/** Signs in for real and returns the request headers that carry the new session's cookie. */
async function signIn(email: string, password: string, path = "/"): Promise<Headers> {
  const response = await getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`signing in as ${email} failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return new Headers({ cookie, "x-pitfall-radar-path": path });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Runs `call` as a request with `headers`; a redirect comes back as its target. */
async function asRequest<T>(headers: Headers, call: () => Promise<T>): Promise<T | { redirectedTo: string }> {
  return requestContext.storage!.run(headers, async () => {
    try {
      return await call();
    } catch (error) {
      const digest = (error as { digest?: unknown }).digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
        return { redirectedTo: digest.split(";")[2]! };
      throw error;
    }
  });
}

let admin: Actor;

beforeAll(async () => {
  admin = await actorFor(
    await createUser(`admin-${randomUUID().slice(0, 8)}@example.test`, [{ role: "admin" }]),
  );
});

/** A person an admin adds, with a password the admin chose. */
async function addedByAdmin(): Promise<{ id: string; email: string; password: string }> {
  const email = `added-${randomUUID().slice(0, 8)}@example.test`;
  const password = "chosen-by-the-admin";
  const { id } = await createPerson(admin, { name: "Added Person", email, password, roles: [] });
  return { id, email, password };
}

describe("a password an admin set", () => {
  it("must be replaced at the first sign-in before anything else, then the person carries on", async () => {
    const person = await addedByAdmin();
    const session = await signIn(person.email, person.password, "/team/checkout");

    // Treated as not signed in everywhere, and every page sends them to choose their password.
    expect(await asRequest(session, () => getCurrentActor())).toBeNull();
    expect(await asRequest(session, () => requireActor())).toEqual({
      redirectedTo: "/account/new-password?next=%2Fteam%2Fcheckout",
    });
    // Other actions too, before they do anything.
    expect(await asRequest(session, () => signOutOtherDevicesAction(null, form({})))).toEqual({
      redirectedTo: "/account/new-password?next=%2Fteam%2Fcheckout",
    });

    const replace = (fields: Record<string, string>) =>
      asRequest(session, () =>
        replaceAdminSetPasswordAction(null, form({ next: "/team/checkout", ...fields })),
      );
    expect(
      await replace({
        currentPassword: person.password,
        newPassword: person.password,
        confirmPassword: person.password,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: "validation",
        fieldErrors: { newPassword: ["Choose a new password, not the current one"] },
      },
    });
    expect(
      await replace({
        currentPassword: "not-what-they-gave",
        newPassword: "my-own-secret-1",
        confirmPassword: "my-own-secret-1",
      }),
    ).toMatchObject({
      ok: false,
      error: { fieldErrors: { currentPassword: ["Your current password is not right."] } },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).mustChangePassword).toBe(true);

    expect(
      await replace({
        currentPassword: person.password,
        newPassword: "my-own-secret-1",
        confirmPassword: "my-own-secret-1",
      }),
    ).toEqual({ redirectedTo: "/team/checkout" });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).mustChangePassword).toBe(false);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.password_changed", entityId: person.id },
    });
    expect(JSON.parse(event.after!)).toMatchObject({ replacedAdminSetPassword: true });

    // Their own password signs them in, straight to the app.
    const own = await signIn(person.email, "my-own-secret-1");
    expect(await asRequest(own, () => getCurrentActor())).toMatchObject({ id: person.id });
    await expect(signIn(person.email, person.password)).rejects.toThrow(/failed/);
  });

  it("is not asked of a person who set their own (first-run setup, the demo, or after replacing it)", async () => {
    const id = await createUser(`own-${randomUUID().slice(0, 8)}@example.test`);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).mustChangePassword).toBe(false);
  });
});

describe("changing one's own password", () => {
  it("ends every way in: other sessions and every API token, and says how many tokens in the audit log", async () => {
    const person = await addedByAdmin();
    // Past the first sign-in: the person chose their own password.
    await db.user.update({ where: { id: person.id }, data: { mustChangePassword: false } });
    const here = await signIn(person.email, person.password);
    const elsewhere = await signIn(person.email, person.password);
    const script = await issueToken(person.id, { name: "Script" });
    const stolen = await issueToken(person.id, { name: "Stolen" });
    expect((await callApi("/cycles", { token: stolen.token })).status).toBe(200);

    // Back to the account page, which then says what changed.
    expect(
      await asRequest(here, () =>
        changePasswordAction(
          null,
          form({
            currentPassword: person.password,
            newPassword: "a-fresh-password",
            confirmPassword: "a-fresh-password",
          }),
        ),
      ),
    ).toEqual({ redirectedTo: "/account?password=changed" });

    for (const token of [script, stolen]) {
      const response = await callApi("/cycles", { token: token.token });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { detail: string }).detail).toBe("This token was revoked.");
    }
    expect(await asRequest(elsewhere, () => getCurrentActor())).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.password_changed", entityId: person.id },
    });
    expect(JSON.parse(event.after!)).toEqual({ apiTokensRevoked: 2 });
  });
});

describe("signing out other devices", () => {
  it("ends the person's other sessions, keeps this one, their password and their tokens", async () => {
    const person = await addedByAdmin();
    await db.user.update({ where: { id: person.id }, data: { mustChangePassword: false } });
    const here = await signIn(person.email, person.password);
    const phone = await signIn(person.email, person.password);
    const laptop = await signIn(person.email, person.password);
    const token = await issueToken(person.id);
    const bystander = await createUser(`bystander-${randomUUID().slice(0, 8)}@example.test`);
    await db.session.create({
      data: {
        id: randomUUID(),
        token: randomUUID(),
        userId: bystander,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });

    expect(await asRequest(here, () => signOutOtherDevicesAction(null, form({})))).toEqual({
      ok: true,
      data: { sessionsEnded: 2 },
    });
    expect(await asRequest(here, () => getCurrentActor())).toMatchObject({ id: person.id });
    expect(await asRequest(phone, () => getCurrentActor())).toBeNull();
    expect(await asRequest(laptop, () => getCurrentActor())).toBeNull();
    expect((await callApi("/cycles", { token: token.token })).status).toBe(200);
    expect(await db.session.count({ where: { userId: bystander } })).toBe(1);
    expect(await loadActor(person.id)).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "auth.other_sessions_ended", entityId: person.id } }),
    ).toBe(1);
  });
});

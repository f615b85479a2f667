/**
 * The sign-in action as a browser calls it, with the request's address chosen per call: the
 * throttle must hold under a parallel burst, and failures typed elsewhere must not lock a person
 * out at their usual address. `next/headers` is stood in for; the session lookup, the password
 * check and the database are real.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/contracts/action-result";
import { signInAction } from "@/server/auth/actions";
import { db } from "@/server/db";

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

const PASSWORD = "the-right-password-1";

type Outcome = "signed in" | "wrong credentials" | "throttled" | "other";

async function signInFrom(
  address: string,
  email: string,
  password: string,
  next = "/",
): Promise<{ outcome: Outcome; to?: string }> {
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  form.set("next", next);
  return requestContext.storage!.run(new Headers({ "x-forwarded-for": address }), async () => {
    try {
      const result = (await signInAction(null, form)) as ActionResult<null>;
      if (result.ok) return { outcome: "other" };
      if (result.error.code === "validation") return { outcome: "wrong credentials" };
      if (result.error.code === "throttled") return { outcome: "throttled" };
      return { outcome: "other" };
    } catch (error) {
      const digest = (error as { digest?: unknown }).digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
        return { outcome: "signed in", to: digest.split(";")[2] };
      throw error;
    }
  });
}

let passwordHash: string;
async function createAccount(role: "admin" | "member" = "member"): Promise<string> {
  const id = randomUUID();
  const email = `person-${id.slice(0, 8)}@example.test`;
  await db.user.create({
    data: {
      id,
      name: "Throttle Test",
      email,
      emailVerified: true,
      roles: { create: [{ role, scopeKey: "" }] },
      accounts: {
        create: { id: randomUUID(), accountId: id, providerId: "credential", password: passwordHash },
      },
    },
  });
  return email;
}

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

// Every checked password costs a deliberately slow hash; on a busy machine these take a while.
vi.setConfig({ testTimeout: 90_000 });

describe("signing in under attack", () => {
  it("a parallel burst of 30 wrong passwords gets at most 5 password checks; the right password after it is refused too", async () => {
    const email = await createAccount();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, index) => signInFrom("198.51.100.10", email, `wrong-password-${index}`)),
    );
    const checked = burst.filter((result) => result.outcome === "wrong credentials").length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(burst.filter((result) => result.outcome === "throttled").length).toBe(30 - checked);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", entityId: email } })).toBe(
      checked,
    );
    expect((await signInFrom("198.51.100.10", email, PASSWORD)).outcome).toBe("throttled");
  });

  it("a person signing in from their usual address is not locked out by failures from elsewhere, an admin included", async () => {
    for (const role of ["member", "admin"] as const) {
      const email = await createAccount(role);
      expect((await signInFrom("10.20.0.1", email, PASSWORD)).outcome).toBe("signed in");
      // Someone else tries 35 wrong passwords from 7 addresses: past every limit that applies to them.
      for (let address = 0; address < 7; address++) {
        await Promise.all(
          Array.from({ length: 5 }, () => signInFrom(`203.0.113.${address}`, email, "a-guess-at-it")),
        );
      }
      expect((await signInFrom("203.0.113.0", email, PASSWORD)).outcome).toBe("throttled");
      expect((await signInFrom("10.20.0.1", email, PASSWORD)).outcome).toBe("signed in");
    }
  }, 120_000);

  it("failures for made-up emails from a shared address do not keep out people who signed in there before", async () => {
    const known = await createAccount("admin");
    const stranger = await createAccount();
    expect((await signInFrom("10.30.0.1", known, PASSWORD)).outcome).toBe("signed in");
    for (let index = 0; index < 20; index++) {
      expect((await signInFrom("10.30.0.1", `nobody${index}@example.test`, "a-guess")).outcome).toBe(
        "wrong credentials",
      );
    }
    expect((await signInFrom("10.30.0.1", known, PASSWORD)).outcome).toBe("signed in");
    // Someone whose account never signed in from that address is refused, told it is the network.
    const form = new FormData();
    form.set("email", stranger);
    form.set("password", PASSWORD);
    const refused = await requestContext.storage!.run(new Headers({ "x-forwarded-for": "10.30.0.1" }), () =>
      signInAction(null, form),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: "throttled",
        message: expect.stringMatching(
          /^Too many failed sign-ins from your network, not necessarily yours: sign-in from it is paused\. Try again in 15 minutes\.$/,
        ),
      },
    });
  });

  it("a failure from another address does not use up the owner's attempts at their own address", async () => {
    const email = await createAccount();
    for (let index = 0; index < 5; index++) await signInFrom("203.0.113.50", email, "a-guess-at-it");
    for (let index = 0; index < 4; index++)
      expect((await signInFrom("10.20.0.2", email, "a-typo")).outcome).toBe("wrong credentials");
    expect((await signInFrom("10.20.0.2", email, PASSWORD)).outcome).toBe("signed in");
  });

  it("redirects after signing in only within the app", async () => {
    const email = await createAccount();
    expect(await signInFrom("10.20.0.3", email, PASSWORD, "/..//evil.example/x")).toEqual({
      outcome: "signed in",
      to: "/",
    });
    expect(await signInFrom("10.20.0.3", email, PASSWORD, "/team/checkout?tab=plan")).toEqual({
      outcome: "signed in",
      to: "/team/checkout?tab=plan",
    });
  });
});

/**
 * Every server action, called the way a forged request can call it: with arguments our forms never
 * send (no form at all, plain values, objects), signed out and signed in as an admin (who may do
 * anything, so the call reaches the input parsing). Each must end inside the shared error boundary:
 * a refusal (validation, forbidden, not found…) or the redirect to sign in, never a thrown error
 * and never an "unexpected error" logged with its stack.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/contracts/action-result";
import * as importActions from "@/server/admin/import-actions";
import * as orgActions from "@/server/admin/org-actions";
import * as peopleActions from "@/server/admin/people-actions";
import * as apiTokenActions from "@/server/api/token-actions";
import * as assessmentActions from "@/server/assessments/actions";
import * as authActions from "@/server/auth/actions";
import * as cycleActions from "@/server/cycles/actions";
import * as notificationActions from "@/server/notifications/actions";
import * as planActions from "@/server/plans/actions";
import * as pulseActions from "@/server/pulse/actions";
import * as responseActions from "@/server/responses/actions";
import { createPerson } from "./access-matrix-fixtures";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => request.headers,
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => {},
}));

const MODULES: Record<string, Record<string, unknown>> = {
  "src/server/admin/import-actions.ts": importActions,
  "src/server/admin/org-actions.ts": orgActions,
  "src/server/admin/people-actions.ts": peopleActions,
  "src/server/api/token-actions.ts": apiTokenActions,
  "src/server/assessments/actions.ts": assessmentActions,
  "src/server/auth/actions.ts": authActions,
  "src/server/cycles/actions.ts": cycleActions,
  "src/server/notifications/actions.ts": notificationActions,
  "src/server/plans/actions.ts": planActions,
  "src/server/pulse/actions.ts": pulseActions,
  "src/server/responses/actions.ts": responseActions,
};

/**
 * Actions whose form may rightly be empty: the email choices are all checkboxes, so an empty form
 * is every box unticked (the signed-in person choosing no emails). Other arguments are refused.
 */
const ACCEPTS_AN_EMPTY_FORM = new Set(["saveNotificationPreferencesAction"]);

/** Actions that take no input, so any arguments do: signing out, here or on the person's other devices. */
const TAKES_NO_INPUT = new Set(["signOutAction", "signOutOtherDevicesAction"]);

const FORGED_ARGUMENTS: unknown[][] = [
  [],
  [null],
  ["not a form"],
  [{ teamSlug: "x", itemId: "y" }],
  [null, "not a form"],
  [null, 42],
  [null, { email: "a@example.com", password: "x", teamSlug: "x", itemId: "y" }],
  [null, ["$K1"]],
  [null, new FormData()],
];

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const USE_SERVER = /^\s*["']use server["'];?\s*$/m;

function filesUnder(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { recursive: true, encoding: "utf8" })
    .map((file) => path.posix.join(directory, file.split(path.sep).join("/")))
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.startsWith("src/generated/"));
}

type Outcome = { kind: "refused"; code: string } | { kind: "redirected"; to: string } | { kind: "ok" };

async function call(action: (...args: unknown[]) => Promise<unknown>, args: unknown[]): Promise<Outcome> {
  try {
    const result = (await action(...args)) as ActionResult<unknown> | undefined;
    if (result && !result.ok) return { kind: "refused", code: result.error.code };
    return { kind: "ok" };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
      return { kind: "redirected", to: digest.split(";")[2]! };
    throw error;
  }
}

afterEach(() => vi.restoreAllMocks());

describe("forged server action calls end inside the error boundary", () => {
  it("covers every module that declares server actions", () => {
    const declaring = [...filesUnder("app"), ...filesUnder("src")].filter((file) =>
      USE_SERVER.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(declaring.sort()).toEqual(Object.keys(MODULES).sort());
  });

  for (const [file, exports] of Object.entries(MODULES)) {
    for (const [name, action] of Object.entries(exports)) {
      if (typeof action !== "function") continue;
      for (const caller of ["signed out", "admin"] as const) {
        it(`${name} (${file}), ${caller}`, async () => {
          const person =
            caller === "admin"
              ? await createPerson({ name: "Forger", grants: [{ role: "admin" }], signedIn: true })
              : null;
          request.headers = new Headers({
            "x-forwarded-for": "10.99.0.1",
            ...(person?.cookie ? { cookie: person.cookie } : {}),
          });
          const logged = vi.spyOn(console, "error").mockImplementation(() => {});
          for (const args of FORGED_ARGUMENTS) {
            const outcome = await call(action as (...args: unknown[]) => Promise<unknown>, args);
            if (outcome.kind === "refused") expect(outcome.code, JSON.stringify(args)).not.toBe("internal");
            else if (outcome.kind === "redirected") expect(outcome.to, JSON.stringify(args)).toBe("/sign-in");
            else if (args[1] instanceof FormData && ACCEPTS_AN_EMPTY_FORM.has(name)) continue;
            else expect(TAKES_NO_INPUT.has(name), `${name} accepted ${JSON.stringify(args)}`).toBe(true);
          }
          expect(logged, "an unexpected error was logged").not.toHaveBeenCalled();
        });
      }
    }
  }
});

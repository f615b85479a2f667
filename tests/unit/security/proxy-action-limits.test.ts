/**
 * The proxy's checks on server-action input that Next would otherwise answer with a 500: too many
 * arguments, arguments nested deeper than a stack can walk, bound values that are not a list, and
 * plain-form actions posted to addresses under /api/. Each refusal is a 4xx with the security
 * headers; the sound request beside it goes through.
 */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

const ORIGIN = "http://localhost:3000";
const ACTION_ID = "a".repeat(42);

async function loadProxy() {
  vi.resetModules();
  vi.stubEnv("APP_URL", ORIGIN);
  return await import("../../../proxy");
}

afterEach(() => vi.unstubAllEnvs());

type Outcome = { passed: true } | { status: number; error: string; framed: string | null };

async function outcomeOf(request: NextRequest): Promise<Outcome> {
  const { proxy } = await loadProxy();
  const response = await proxy(request);
  if (response.headers.get("x-middleware-next") === "1") return { passed: true };
  return {
    status: response.status,
    error: ((await response.json()) as { error: string }).error,
    framed: response.headers.get("x-frame-options"),
  };
}

function scriptedCall(body: string) {
  return new NextRequest(`${ORIGIN}/sign-in`, {
    method: "POST",
    headers: {
      host: "localhost:3000",
      origin: ORIGIN,
      "next-action": ACTION_ID,
      "content-type": "text/plain",
    },
    body,
  });
}

/** A plain (no-JavaScript) form action as Next renders it: the action's description, its bound values, the fields. */
function plainForm(bound: string | null, { path = "/sign-in", origin = ORIGIN } = {}) {
  const form = new FormData();
  form.set("$ACTION_REF_1", "");
  form.set("$ACTION_1:0", JSON.stringify({ id: ACTION_ID, bound: bound === null ? null : "$@1" }));
  if (bound !== null) form.set("$ACTION_1:1", bound);
  form.set("email", "lead@example.com");
  form.set("password", "radar-demo-2026");
  return new NextRequest(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { host: "localhost:3000", origin },
    body: form,
  });
}

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("the proxy's limits on server-action arguments", () => {
  it("refuses a scripted call with more arguments than any action takes, with 400", async () => {
    const { MAX_ACTION_ARGUMENTS } = await loadProxy();
    const list = (length: number) => JSON.stringify(Array.from({ length }, () => null));
    expect(await outcomeOf(scriptedCall(list(MAX_ACTION_ARGUMENTS)))).toEqual({ passed: true });
    for (const length of [MAX_ACTION_ARGUMENTS + 1, 1001]) {
      expect(await outcomeOf(scriptedCall(list(length)))).toEqual({
        status: 400,
        error: `An action takes at most ${MAX_ACTION_ARGUMENTS} arguments.`,
        framed: "DENY",
      });
    }
  });

  it("refuses arguments nested deeper than the cap, without overflowing the stack", async () => {
    const { MAX_ARGUMENT_DEPTH } = await loadProxy();
    expect(await outcomeOf(scriptedCall(nested(MAX_ARGUMENT_DEPTH)))).toEqual({ passed: true });
    for (const depth of [MAX_ARGUMENT_DEPTH + 1, 3000, 100_000]) {
      expect(await outcomeOf(scriptedCall(nested(depth)))).toEqual({
        status: 400,
        error: "The action arguments are nested too deeply.",
        framed: "DENY",
      });
    }
    const deepObject = '{"a":'.repeat(5000) + "1" + "}".repeat(5000);
    expect(await outcomeOf(scriptedCall(`[${deepObject}]`))).toMatchObject({ status: 400 });
  });

  it("lets a sound plain-form action through, with or without bound values", async () => {
    expect(await outcomeOf(plainForm(null))).toEqual({ passed: true });
    expect(await outcomeOf(plainForm('[{"error":null}]'))).toEqual({ passed: true });
  });

  it("refuses plain-form bound values that are too many, too deep or not a list, with 400 and the security headers", async () => {
    const { MAX_ACTION_ARGUMENTS } = await loadProxy();
    const nulls = (length: number) => JSON.stringify(Array.from({ length }, () => null));
    expect(await outcomeOf(plainForm(nulls(MAX_ACTION_ARGUMENTS)))).toEqual({ passed: true });
    expect(await outcomeOf(plainForm(nulls(1001)))).toEqual({
      status: 400,
      error: `An action takes at most ${MAX_ACTION_ARGUMENTS} arguments.`,
      framed: "DENY",
    });
    expect(await outcomeOf(plainForm(nested(3000)))).toEqual({
      status: 400,
      error: "The action arguments are nested too deeply.",
      framed: "DENY",
    });
    for (const notAList of ["null", "1", '"$@1"', '{"length":1}']) {
      expect(await outcomeOf(plainForm(notAList)), notAList).toEqual({
        status: 400,
        error: "The form's action fields could not be read.",
        framed: "DENY",
      });
    }
  });

  it("refuses a plain-form action posted under /api/, checking it as on any page first", async () => {
    for (const path of ["/api/x", "/api/v1x", "/api/exports/heatmap.csv", "/api/health"]) {
      expect(await outcomeOf(plainForm(null, { path })), path).toEqual({
        status: 404,
        error: "There is no form at this address.",
        framed: "DENY",
      });
    }
    expect(await outcomeOf(plainForm(null, { path: "/api/x", origin: "https://evil.example" }))).toEqual({
      status: 403,
      error: "Cross-origin requests to this app's actions are not allowed.",
      framed: "DENY",
    });
    expect(await outcomeOf(plainForm("null", { path: "/api/x" }))).toMatchObject({ status: 400 });
    const huge = plainForm(null, { path: "/api/x" });
    const padded = new FormData();
    for (const [name, value] of await huge.formData()) padded.set(name, value);
    padded.set("padding", "x".repeat(3 * 1024 * 1024));
    expect(
      await outcomeOf(
        new NextRequest(`${ORIGIN}/api/x`, { method: "POST", headers: { origin: ORIGIN }, body: padded }),
      ),
    ).toMatchObject({ status: 413, error: "The request is too large." });
  });

  it("leaves the POST route handlers under /api/ to their own checks", async () => {
    for (const path of ["/api/autosave/answer", "/api/auth/callback/demo"]) {
      expect(await outcomeOf(plainForm("null", { path })), path).toEqual({ passed: true });
    }
  });
});

/**
 * proxy.ts against server-action requests captured from the built app (recorded by
 * e2e/server-action-wire-format.spec.ts, which fails when the live format stops matching them):
 * real requests pass, the same requests made unreadable or too large are refused with a 4xx.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../../../proxy";
import { type CapturedActionRequest, wireFormatOf } from "../../support/server-action-wire";

const samples = JSON.parse(
  readFileSync(path.join(__dirname, "server-action-requests.json"), "utf8"),
) as CapturedActionRequest[];
const formAction = samples.find((sample) =>
  sample.headers["content-type"]?.startsWith("multipart/form-data"),
)!;
const directCall = samples.find((sample) => sample.headers["content-type"]?.startsWith("text/plain"))!;

function requestOf(
  sample: CapturedActionRequest,
  changes: { body?: BodyInit; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(sample.headers);
  if (changes.body instanceof FormData) headers.delete("content-type");
  for (const [name, value] of Object.entries(changes.headers ?? {})) headers.set(name, value);
  return new NextRequest(`http://127.0.0.1:3000${sample.path}`, {
    method: "POST",
    headers,
    body: changes.body ?? sample.body,
  });
}

async function outcome(request: NextRequest): Promise<{ passed: true } | { status: number; error: string }> {
  const response = await proxy(request);
  if (response.headers.get("x-middleware-next") === "1") return { passed: true };
  return { status: response.status, error: ((await response.json()) as { error: string }).error };
}

async function formWith(first: string): Promise<FormData> {
  const form = await new Response(formAction.body, {
    headers: { "content-type": formAction.headers["content-type"]! },
  }).formData();
  form.set("0", first);
  return form;
}

describe("proxy.ts on captured server-action requests", () => {
  it("has a form action and a direct call to replay, both in the format proxy.ts reads", async () => {
    expect(formAction).toBeDefined();
    expect(directCall).toBeDefined();
    expect((await wireFormatOf(formAction)).encoding).toBe("multipart");
    expect((await wireFormatOf(directCall)).encoding).toBe("text");
  });

  it.each(samples.map((sample) => [sample.name, sample] as const))(
    "lets the real request through: %s",
    async (_name, sample) => {
      expect(await outcome(requestOf(sample))).toEqual({ passed: true });
    },
  );

  it("leaves requests that are not server actions alone", async () => {
    const { [`next-action`]: _header, ...plain } = directCall.headers;
    expect(await outcome(requestOf({ ...directCall, headers: plain }, { body: "not json" }))).toEqual({
      passed: true,
    });
  });

  it("refuses a form action whose arguments are unreadable, not a list, or chase a reference", async () => {
    expect(await outcome(requestOf(formAction, { body: await formWith("not json") }))).toEqual({
      status: 400,
      error: "The request body could not be read as action arguments.",
    });
    expect(await outcome(requestOf(formAction, { body: await formWith("{}") }))).toEqual({
      status: 400,
      error: "The request body must be a list of action arguments.",
    });
    expect(await outcome(requestOf(formAction, { body: await formWith('["$Q1","$K1"]') }))).toEqual({
      status: 400,
      error: "The action arguments contain values this app does not accept.",
    });
  });

  it("refuses a direct call whose body is unreadable or chases a reference", async () => {
    expect(await outcome(requestOf(directCall, { body: directCall.body.slice(0, -1) }))).toEqual({
      status: 400,
      error: "The request body could not be read as action arguments.",
    });
    expect(await outcome(requestOf(directCall, { body: '[{"questionId":"$@1"}]' }))).toEqual({
      status: 400,
      error: "The action arguments contain values this app does not accept.",
    });
    // A form-data reference means nothing without form data.
    expect(await outcome(requestOf(directCall, { body: '["$K1"]' }))).toEqual({
      status: 400,
      error: "The action arguments contain values this app does not accept.",
    });
  });

  it("refuses a request over 1 MiB, by its declared length or by its body", async () => {
    const tooLarge = { status: 413, error: "The request is too large." };
    expect(
      await outcome(requestOf(directCall, { headers: { "content-length": String(2 * 1024 * 1024) } })),
    ).toEqual(tooLarge);
    const padded = JSON.stringify([{ padding: "x".repeat(1024 * 1024) }]);
    expect(await outcome(requestOf(directCall, { body: padded }))).toEqual(tooLarge);
  });
});

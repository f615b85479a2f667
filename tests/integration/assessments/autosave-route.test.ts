/**
 * The questionnaire's autosave routes (src/server/autosave-route.ts, app/api/autosave/*), called
 * as the framework calls them: the exported POST with a real Request, the caller decided by the
 * app's own session lookup from the request's cookie. Every refusal must change nothing: neither
 * the assessment and its answers, nor anyone's own answers, nor the audit log.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AnswerConflictDetails } from "@/contracts/assessments/types";
import { autosaveRoute, AUTOSAVE_BODY_LIMIT_BYTES, AUTOSAVE_MESSAGES } from "@/server/autosave-route";
import { db } from "@/server/db";
import * as answerRoute from "../../../app/api/autosave/answer/route";
import * as confirmRoute from "../../../app/api/autosave/confirm/route";
import * as myAnswerRoute from "../../../app/api/autosave/my-answer/route";
import * as myConfirmRoute from "../../../app/api/autosave/my-confirm/route";
import {
  answerableQuestion,
  assessmentState,
  auditEventsBy,
  createDraftAssessment,
  createSharedCycles,
  createWorld,
  type SharedCycles,
  type World,
} from "../access/access-matrix-fixtures";
import { responsesState } from "../responses/fixtures";

// The session lookup reads the request through `next/headers`; each call hands it the headers of
// the Request the route receives, as Next does.
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => current.headers,
}));

const HOST = "radar.example.test";
const SAME_ORIGIN = { host: HOST, origin: `https://${HOST}`, "content-type": "application/json" };

type Handler = (request: Request) => Promise<Response>;

/** An ActionResult as it arrives over HTTP, loose enough to look into either outcome. */
interface ResultBody {
  ok: boolean;
  data?: unknown;
  error?: {
    code: string;
    message: string;
    fieldErrors?: Record<string, string[]>;
    details?: AnswerConflictDetails;
  };
}

async function call(
  handler: Handler,
  path: string,
  options: { body?: BodyInit; headers?: Record<string, string | null>; cookie?: string | null } = {},
) {
  const headers = new Headers();
  for (const [name, value] of Object.entries({ ...SAME_ORIGIN, ...options.headers })) {
    if (value !== null) headers.set(name, value);
  }
  if (options.cookie) headers.set("cookie", options.cookie);
  const request = new Request(`https://${HOST}${path}`, {
    method: "POST",
    headers,
    body: options.body,
    ...(options.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  current.headers = request.headers;
  const response = await handler(request);
  return { status: response.status, headers: response.headers, body: (await response.json()) as ResultBody };
}

let cycles: SharedCycles;

beforeAll(async () => {
  cycles = await createSharedCycles();
});

/** A team lead, signed in, with a fresh draft of their own team. */
async function leadWithDraft() {
  const world: World = await createWorld("team_lead");
  const assessmentId = await createDraftAssessment(world.own.team.id, cycles);
  const { questionId, answer } = answerableQuestion(cycles.questionnaireId);
  const save = { assessmentId, questionId, answer, note: null, expectedVersion: 1 };
  /** Everything a refused save must leave as it was. */
  const state = async () => ({
    assessment: await assessmentState(assessmentId),
    responses: await responsesState(assessmentId),
    audit: await auditEventsBy(world.person.id),
  });
  return { world, assessmentId, questionId, answer, save, state, cookie: world.person.cookie! };
}

describe("saving through the autosave routes", () => {
  it("saves a team answer: 200, the ActionResult of the save, not cached", async () => {
    const { save, cookie, assessmentId, questionId } = await leadWithDraft();
    const response = await call(answerRoute.POST, "/api/autosave/answer", {
      body: JSON.stringify({ ...save, note: "Agreed in the retro" }),
      cookie,
    });

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.body).toMatchObject({
      ok: true,
      data: { version: 2, answer: { questionId, note: "Agreed in the retro", carriedOver: false } },
    });
    const stored = await assessmentState(assessmentId);
    expect(stored?.version).toBe(2);
    expect(stored?.answers).toEqual([expect.objectContaining({ questionId, note: "Agreed in the retro" })]);
  });

  it("confirms carried-over team answers", async () => {
    const world = await createWorld("team_lead");
    const { questionId } = answerableQuestion(cycles.questionnaireId);
    const assessmentId = await createDraftAssessment(world.own.team.id, cycles, {
      carriedOverQuestionId: questionId,
    });
    const response = await call(confirmRoute.POST, "/api/autosave/confirm", {
      body: JSON.stringify({ assessmentId, questionIds: [questionId], expectedVersion: 1 }),
      cookie: world.person.cookie,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, data: { version: 2 } });
    expect((await assessmentState(assessmentId))?.answers[0]?.carriedOver).toBe(false);
  });

  it("saves and confirms a person's own answers", async () => {
    const { world, assessmentId, questionId, answer, cookie } = await leadWithDraft();
    const saved = await call(myAnswerRoute.POST, "/api/autosave/my-answer", {
      body: JSON.stringify({ assessmentId, questionId, answer, expectedVersion: 0 }),
      cookie,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ok: true, data: { version: 1, answer: { questionId } } });

    // One carried over from last quarter, then confirmed.
    const own = await db.response.findFirstOrThrow({ where: { assessmentId, userId: world.person.id } });
    await db.responseAnswer.updateMany({ where: { responseId: own.id }, data: { carriedOver: true } });
    const confirmed = await call(myConfirmRoute.POST, "/api/autosave/my-confirm", {
      body: JSON.stringify({ assessmentId, questionIds: [questionId], expectedVersion: 1 }),
      cookie,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ ok: true, data: { version: 2 } });
    const [response] = await responsesState(assessmentId);
    expect(response?.answers).toEqual([expect.objectContaining({ questionId, carriedOver: false })]);
  });

  it("accepts a charset on the JSON content type, and the host a proxy forwarded", async () => {
    const { save, cookie } = await leadWithDraft();
    const response = await call(answerRoute.POST, "/api/autosave/answer", {
      body: JSON.stringify(save),
      headers: {
        "content-type": "application/json; charset=utf-8",
        host: "10.0.0.7:3000",
        "x-forwarded-host": `${HOST}, internal.example`,
      },
      cookie,
    });
    expect(response.status).toBe(200);
  });

  it("accepts a request without an Origin when the browser says it is same-origin", async () => {
    const { save, cookie } = await leadWithDraft();
    const response = await call(answerRoute.POST, "/api/autosave/answer", {
      body: JSON.stringify(save),
      headers: { origin: null, "sec-fetch-site": "same-origin" },
      cookie,
    });
    expect(response.status).toBe(200);
  });
});

describe("outcomes the questionnaire handles, with the status of each", () => {
  it("refuses a save on a stale version: 409 with the server's answers, nothing changed", async () => {
    const { save, cookie, state, assessmentId } = await leadWithDraft();
    expect(
      (await call(answerRoute.POST, "/api/autosave/answer", { body: JSON.stringify(save), cookie })).status,
    ).toBe(200);
    const before = await state();
    const stale = await call(answerRoute.POST, "/api/autosave/answer", {
      body: JSON.stringify({ ...save, note: "Written on an old page", expectedVersion: 1 }),
      cookie,
    });

    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      ok: false,
      error: {
        code: "conflict",
        details: { kind: "answer-conflict", currentVersion: 2, questionId: save.questionId },
      },
    });
    expect(stale.body.error?.details?.answers[save.questionId]).toBeDefined();
    expect(await state()).toEqual(before);
    expect((await assessmentState(assessmentId))?.answers[0]?.note).toBeNull();
  });

  it("refuses an invalid answer with the field's message: 400, nothing changed", async () => {
    const { save, cookie, state } = await leadWithDraft();
    const before = await state();
    const response = await call(answerRoute.POST, "/api/autosave/answer", {
      body: JSON.stringify({ ...save, answer: { kind: "value", value: "not an answer to this question" } }),
      cookie,
    });
    expect(response.status).toBe(400);
    expect(response.body.ok).toBe(false);
    expect(response.body.error?.code).toBe("validation");
    expect(response.body.error?.fieldErrors?.answer?.[0]).toEqual(expect.any(String));
    expect(await state()).toEqual(before);
  });

  it("refuses input its schema rejects with field messages: 400, nothing changed", async () => {
    const { save, cookie, state } = await leadWithDraft();
    const before = await state();
    const response = await call(answerRoute.POST, "/api/autosave/answer", {
      body: JSON.stringify({ ...save, note: "x".repeat(2001), expectedVersion: "one" }),
      cookie,
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      ok: false,
      error: {
        code: "validation",
        message: "Some fields need attention.",
        fieldErrors: { note: [expect.stringContaining("under 2000")], expectedVersion: [expect.any(String)] },
      },
    });
    expect(await state()).toEqual(before);
  });

  it("refuses a signed-out caller: 401 with autosave's message, nothing changed", async () => {
    const { save, state } = await leadWithDraft();
    const before = await state();
    const response = await call(answerRoute.POST, "/api/autosave/answer", { body: JSON.stringify(save) });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      ok: false,
      error: {
        code: "forbidden",
        message:
          "You have been signed out, so this answer was not saved. Sign in again in another tab, then choose Retry.",
      },
    });
    expect(await state()).toEqual(before);
  });

  it("answers an unexpected failure with 500 and the generic message, never the error's own text", async () => {
    const failing = autosaveRoute(z.object({}), async () => {
      throw new Error("SQLITE_CORRUPT: the database disk image is malformed");
    });
    const { cookie } = await leadWithDraft();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await call(failing, "/api/autosave/answer", { body: "{}", cookie });
    spy.mockRestore();
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      ok: false,
      error: {
        code: "internal",
        message: "Something went wrong on our side. Nothing was changed; please try again.",
      },
    });
  });
});

describe("requests refused before anything runs", () => {
  const refusals: {
    name: string;
    status: number;
    message: string;
    request: (save: object) => { body?: BodyInit; headers?: Record<string, string | null> };
  }[] = [
    {
      name: "another site's Origin",
      status: 403,
      message: AUTOSAVE_MESSAGES.crossOrigin,
      request: (save) => ({ body: JSON.stringify(save), headers: { origin: "https://evil.example" } }),
    },
    {
      name: "an Origin of null",
      status: 403,
      message: AUTOSAVE_MESSAGES.crossOrigin,
      request: (save) => ({ body: JSON.stringify(save), headers: { origin: "null" } }),
    },
    {
      name: "an Origin matching Host while a proxy forwarded another host",
      status: 403,
      message: AUTOSAVE_MESSAGES.crossOrigin,
      request: (save) => ({ body: JSON.stringify(save), headers: { "x-forwarded-host": "other.example" } }),
    },
    {
      name: "no Origin and no Sec-Fetch-Site",
      status: 403,
      message: AUTOSAVE_MESSAGES.crossOrigin,
      request: (save) => ({ body: JSON.stringify(save), headers: { origin: null } }),
    },
    {
      name: "no Origin and a cross-site Sec-Fetch-Site",
      status: 403,
      message: AUTOSAVE_MESSAGES.crossOrigin,
      request: (save) => ({
        body: JSON.stringify(save),
        headers: { origin: null, "sec-fetch-site": "cross-site" },
      }),
    },
    {
      name: "a text/plain body (what a cross-site form can send)",
      status: 415,
      message: AUTOSAVE_MESSAGES.notJson,
      request: (save) => ({
        body: JSON.stringify(save),
        headers: { "content-type": "text/plain;charset=UTF-8" },
      }),
    },
    {
      name: "a form",
      status: 415,
      message: AUTOSAVE_MESSAGES.notJson,
      request: () => ({
        body: new URLSearchParams({ assessmentId: "x" }),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    },
    {
      name: "no content type",
      status: 415,
      message: AUTOSAVE_MESSAGES.notJson,
      request: (save) => ({ body: JSON.stringify(save), headers: { "content-type": null } }),
    },
    {
      name: "malformed JSON",
      status: 400,
      message: AUTOSAVE_MESSAGES.unreadable,
      request: (save) => ({ body: JSON.stringify(save).slice(0, -1) }),
    },
    {
      name: "an empty body",
      status: 400,
      message: AUTOSAVE_MESSAGES.unreadable,
      request: () => ({ body: "" }),
    },
    {
      name: "bytes that are not UTF-8",
      status: 400,
      message: AUTOSAVE_MESSAGES.unreadable,
      request: () => ({ body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }),
    },
    {
      name: "a body over 64 KiB",
      status: 413,
      message: AUTOSAVE_MESSAGES.tooLarge,
      request: (save) => ({
        body: JSON.stringify({ ...save, note: "x".repeat(AUTOSAVE_BODY_LIMIT_BYTES) }),
      }),
    },
    {
      name: "a streamed body over 64 KiB that declares no length",
      status: 413,
      message: AUTOSAVE_MESSAGES.tooLarge,
      request: () => ({
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(8 * 1024)));
            controller.close();
          },
        }),
      }),
    },
  ];

  for (const refusal of refusals) {
    it(`${refusal.name}: ${refusal.status}, nothing changed`, async () => {
      const { save, cookie, state } = await leadWithDraft();
      const before = await state();
      const response = await call(answerRoute.POST, "/api/autosave/answer", {
        ...refusal.request(save),
        cookie,
      });
      expect(response.status).toBe(refusal.status);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.body).toEqual({
        ok: false,
        error: { code: refusal.status === 403 ? "forbidden" : "validation", message: refusal.message },
      });
      expect(await state()).toEqual(before);
    });
  }

  it("refuses the same way on every autosave route", async () => {
    const { assessmentId, questionId, cookie, state } = await leadWithDraft();
    const before = await state();
    for (const [handler, path] of [
      [confirmRoute.POST, "/api/autosave/confirm"],
      [myAnswerRoute.POST, "/api/autosave/my-answer"],
      [myConfirmRoute.POST, "/api/autosave/my-confirm"],
    ] as const) {
      const body = JSON.stringify({
        assessmentId,
        questionId,
        questionIds: [questionId],
        expectedVersion: 1,
      });
      const crossSite = await call(handler, path, {
        body,
        headers: { origin: "https://evil.example" },
        cookie,
      });
      expect(crossSite.status, path).toBe(403);
      const notJson = await call(handler, path, { body, headers: { "content-type": "text/plain" }, cookie });
      expect(notJson.status, path).toBe(415);
      const signedOut = await call(handler, path, { body });
      expect(signedOut.status, path).toBe(401);
    }
    expect(await state()).toEqual(before);
  });
});

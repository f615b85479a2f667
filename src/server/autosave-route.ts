import "server-only";
import type { z } from "zod";
import type { ActionResult, ErrorCode } from "@/contracts/action-result";
import type { Actor } from "@/domain/access/policy";
import { isSameOriginRequest } from "@/request-origin";
import { actorForAutosave } from "./auth/autosave-actor";
import { HTTP_STATUS_BY_ERROR_CODE, parseInput, runAction } from "./errors";

/**
 * The questionnaire's autosave as JSON route handlers instead of server actions. A save is small
 * and frequent (every answer, every pause in typing), and a server action pays for the page
 * pipeline on each one: loading the page's module, decoding and encoding React Flight, and
 * proxy.ts reading the action body to refuse malformed ones. Measured at about 20 ms of CPU per
 * save, most of it that pipeline (docs/performance.md). A route handler reads the JSON, finds the
 * caller and calls the same mutation, inside the same error boundary, and answers the same
 * ActionResult, so the questionnaire's queue handles every outcome as before.
 *
 * Each operation has its own static route file (app/api/autosave/<operation>/route.ts) rather than
 * one route with a dynamic segment: the router, not a lookup of ours, answers 404 for an unknown
 * operation; each entry point is its own row in the access matrix; and each file says in one line
 * which schema and mutation it joins.
 *
 * What these routes refuse before any mutation runs (each answered as a failed ActionResult, with
 * `Cache-Control: no-store`):
 * - a request that is not from one of this app's pages (403): the cookie is SameSite=Lax, which
 *   already keeps other sites' POSTs unauthenticated, and this is the second lock;
 * - a body that is not declared as JSON (415), larger than 64 KiB (413) or unreadable (400);
 * - a signed-out caller (401, with autosave's own "you have been signed out" message).
 * After that, the result's error code picks the status (HTTP_STATUS_BY_ERROR_CODE): a conflict is
 * 409 with the server's answers in its details, a validation failure 400 with its field messages.
 */

/** Far above the largest save the questionnaire sends (a 2,000-character note, 200 question ids). */
export const AUTOSAVE_BODY_LIMIT_BYTES = 64 * 1024;

export const AUTOSAVE_MESSAGES = {
  crossOrigin: "This request did not come from a page of this app, so nothing was saved.",
  notJson: "Send the answer as JSON (Content-Type: application/json).",
  tooLarge: "The request is too large.",
  unreadable: "The request body could not be read as JSON.",
} as const;

type BodyOutcome = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

function respond(result: ActionResult<unknown>, status: number): Response {
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}

function refuse(status: number, code: ErrorCode, message: string): Response {
  return respond({ ok: false, error: { code, message } }, status);
}

/** `application/json`, with or without parameters such as `charset=utf-8`. */
function declaresJson(contentType: string | null): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/**
 * Reads the body up to the limit and parses it. The declared length is checked first, and the
 * stream is counted as it arrives, so an oversized or unannounced body is never held whole.
 */
async function readJsonBody(request: Request): Promise<BodyOutcome> {
  const tooLarge = { ok: false, status: 413, message: AUTOSAVE_MESSAGES.tooLarge } as const;
  const unreadable = { ok: false, status: 400, message: AUTOSAVE_MESSAGES.unreadable } as const;
  if (Number(request.headers.get("content-length") ?? 0) > AUTOSAVE_BODY_LIMIT_BYTES) return tooLarge;
  if (!request.body) return unreadable;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > AUTOSAVE_BODY_LIMIT_BYTES) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(value);
    }
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Broken UTF-8, JSON that does not parse, or a client that went away mid-body.
    return unreadable;
  }
}

/**
 * A POST handler for one autosave operation: the shared zod schema of its input and the mutation
 * it calls (which authorises the caller itself, in the data layer).
 */
export function autosaveRoute<Schema extends z.ZodType, Result>(
  input: Schema,
  mutation: (actor: Actor, input: z.output<Schema>) => Promise<Result>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isSameOriginRequest(request.headers)) {
      return refuse(403, "forbidden", AUTOSAVE_MESSAGES.crossOrigin);
    }
    if (!declaresJson(request.headers.get("content-type"))) {
      return refuse(415, "validation", AUTOSAVE_MESSAGES.notJson);
    }
    const body = await readJsonBody(request);
    if (!body.ok) return refuse(body.status, "validation", body.message);

    // actorForAutosave's only expected refusal is the signed-out one.
    const caller = await runAction(actorForAutosave);
    if (!caller.ok) {
      return respond(
        caller,
        caller.error.code === "forbidden" ? 401 : HTTP_STATUS_BY_ERROR_CODE[caller.error.code],
      );
    }
    const result = await runAction(() => mutation(caller.data, parseInput(input, body.value)));
    return respond(result, result.ok ? 200 : HTTP_STATUS_BY_ERROR_CODE[result.error.code]);
  };
}

/**
 * Receives a request's body before the request is admitted into the app (scripts/lib/request-gate.ts),
 * then hands it to the app as if it had just arrived.
 *
 * Admitting a request as soon as its headers arrive let a client that sends its headers and then
 * nothing, or a byte now and then, hold one of the few places for as long as the server waited for
 * the rest: eight such connections stopped every page, action and health check. Received first,
 * a body that never comes costs a socket until the server's request timeout ends it, never a place.
 *
 * Bodies are held in memory until their request starts, so each is limited (the app's largest
 * request, an organisation import, fits) and so is the total held by one process: past that, new
 * bodies are refused as "busy" at once, so a flood of large uploads cannot grow the process
 * without end.
 */
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/** The bytes of bodies received and not yet handed to the app, shared by a process's requests. */
export interface BodyBudget {
  /** Takes `bytes` when they fit; false (and nothing taken) when they do not. */
  take(bytes: number): boolean;
  give(bytes: number): void;
  readonly held: number;
}

export function createBodyBudget(maxBytes: number): BodyBudget {
  let held = 0;
  return {
    take(bytes) {
      if (held + bytes > maxBytes) return false;
      held += bytes;
      return true;
    },
    give(bytes) {
      held = Math.max(0, held - bytes);
    },
    get held() {
      return held;
    },
  };
}

/** Whether a request comes with a body: a length above zero, or a chunked (or other) transfer coding. */
export function declaresBody(request: Pick<IncomingMessage, "headers">): boolean {
  if (request.headers["transfer-encoding"] !== undefined) return true;
  return Number(request.headers["content-length"] ?? 0) > 0;
}

export type ReceivedBody =
  /** The whole body arrived; `release` gives its bytes back to the budget once the app has it. */
  | { outcome: "received"; bytes: number; release: () => void }
  /** Its declared length, or what arrived, is over the limit. */
  | { outcome: "too-large" }
  /** The process already holds as many bodies' bytes as it may. */
  | { outcome: "busy" }
  /** The client went away (or the server's request timeout ended it) before the body was complete. */
  | { outcome: "gone" };

/**
 * Reads the whole body of `request` into memory, then makes the request readable again from the
 * start, so the app reads it as it would have read it from the connection.
 */
export function receiveBody(
  request: IncomingMessage,
  limits: { maxBytes: number; budget: BodyBudget },
): Promise<ReceivedBody> {
  if (Number(request.headers["content-length"] ?? 0) > limits.maxBytes) {
    return Promise.resolve({ outcome: "too-large" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (result: ReceivedBody) => {
      if (settled) return;
      settled = true;
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("close", onClose);
      request.off("error", onError);
      if (result.outcome === "received") {
        replaceBody(request, chunks);
      } else {
        limits.budget.give(bytes);
      }
      chunks.length = 0;
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (bytes + chunk.length > limits.maxBytes) return finish({ outcome: "too-large" });
      if (!limits.budget.take(chunk.length)) return finish({ outcome: "busy" });
      bytes += chunk.length;
      chunks.push(chunk);
    };
    // The request closes just after its end (Node destroys a stream it has read to the end): the
    // body is handed on only then, so that closing cannot reach the stream that replaces it.
    let ended = false;
    const onEnd = () => {
      ended = true;
    };
    const onClose = () => {
      if (!ended) return finish({ outcome: "gone" });
      let released = false;
      finish({
        outcome: "received",
        bytes,
        release: () => {
          if (released) return;
          released = true;
          limits.budget.give(bytes);
        },
      });
    };
    const onError = () => finish({ outcome: "gone" });
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("close", onClose);
    request.on("error", onError);
  });
}

/**
 * Makes `request` readable again, from a stream of the chunks already read. The same technique
 * Next itself uses once its proxy has read a body (`replaceRequestBody` in next/dist/server/
 * body-streams.js): the request keeps its headers, socket and identity, and its stream methods
 * and state become those of a plain Readable holding the body.
 */
function replaceBody(request: IncomingMessage, chunks: Buffer[]) {
  const replay = new Readable({ read() {} });
  for (const chunk of chunks) replay.push(chunk);
  replay.push(null);
  const target = request as unknown as Record<string, unknown>;
  for (const key in replay) {
    const value = (replay as unknown as Record<string, unknown>)[key];
    target[key] = typeof value === "function" ? value.bind(request) : value;
  }
}

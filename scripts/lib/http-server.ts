/**
 * The app's HTTP server around a request handler (Next's, in scripts/server.ts): the client's
 * address decided once, TRACE refused, each request's body received in full before the request is
 * admitted into the app, at most REQUESTS_IN_FLIGHT requests in the app at once, and time limits on
 * what a client may leave unfinished. Kept apart from Next so tests can start it with a handler of
 * their own and a real socket.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "../../src/client-address";
import { REQUESTED_PATH_HEADER } from "../../src/requested-path";
import { MAX_REQUEST_BODY_BYTES } from "../../src/request-limits";
import { securityHeaders } from "../../src/security-headers";
import { UNTRUSTED_FORWARDING_WARNING } from "./deployment-warnings";
import { createRequestGate, type RequestGate } from "./request-gate";
import { createBodyBudget, declaresBody, receiveBody, type BodyBudget } from "./request-body";

/**
 * How long a client may take, in milliseconds. A request whose headers, or whose whole body, have
 * not arrived in time is answered 408 and its connection closed by Node itself. Checked every
 * `checkIntervalMs` (Node's default checks only every 30 s).
 */
export interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
  /** How long a connection may stay open, idle, between two requests. */
  keepAliveMs: number;
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 15_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkIntervalMs: 1_000,
};

/** Bodies received and not yet in the app may hold this many bytes in one process, together. */
export const MAX_PENDING_BODY_BYTES = 32 * 1024 * 1024;

export interface AppServerOptions {
  handle: (request: IncomingMessage, response: ServerResponse) => unknown;
  requestsInFlight: number;
  trustedProxyHops: number;
  /** The app's public URL is https: refusals carry HSTS too. */
  https: boolean;
  timeouts?: ServerTimeouts;
  maxBodyBytes?: number;
  maxPendingBodyBytes?: number;
  /** Where a warning about the deployment goes (console.warn by default). */
  warn?: (message: string) => void;
}

export interface AppServer {
  server: Server;
  gate: RequestGate;
  bodyBudget: BodyBudget;
}

/** Headers only a proxy in front of the app writes. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "forwarded"];

export function createAppServer(options: AppServerOptions): AppServer {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_REQUEST_BODY_BYTES;
  const bodyBudget = createBodyBudget(options.maxPendingBodyBytes ?? MAX_PENDING_BODY_BYTES);
  const gate = createRequestGate(options.requestsInFlight);
  const warn = options.warn ?? ((message: string) => console.warn(message));
  let warnedOfForwarding = false;

  const baseHeaders = {
    ...Object.fromEntries(securityHeaders({ https: options.https }).map(({ key, value }) => [key, value])),
    // A refusal loads nothing, so its policy allows nothing.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
  };
  const refuse = (response: ServerResponse, status: number, message: string, extra = {}) => {
    if (response.headersSent || response.destroyed) return;
    response
      .writeHead(status, { ...baseHeaders, "Content-Type": "application/json", ...extra })
      .end(JSON.stringify({ error: message }));
  };

  /** Into the app once a place is free; `onStart` runs as the request starts. */
  const admit = (request: IncomingMessage, response: ServerResponse, onStart?: () => void) => {
    gate.admit(
      (release) => {
        onStart?.();
        // "close" comes once the response is sent or its connection is gone, whichever is first.
        response.once("close", release);
        void options.handle(request, response);
      },
      () => response.destroyed,
    );
  };

  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    (request, response) => {
      // TRACE echoes a request back (cross-site tracing), and Next answers it with a 500; nothing in
      // the app uses it, so it is refused here before Next sees it. (Node itself answers 400 to
      // methods it does not know, such as TRACK.)
      if (request.method === "TRACE") {
        response
          .writeHead(405, {
            ...baseHeaders,
            Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
            "Content-Type": "text/plain; charset=utf-8",
          })
          .end("This method is not allowed.\n");
        return;
      }
      if (
        options.trustedProxyHops === 0 &&
        !warnedOfForwarding &&
        FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)
      ) {
        warnedOfForwarding = true;
        warn(UNTRUSTED_FORWARDING_WARNING);
      }
      request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
        socketAddress: request.socket.remoteAddress,
        forwardedFor: request.headers["x-forwarded-for"],
        trustedProxyHops: options.trustedProxyHops,
      });
      delete request.headers["x-real-ip"];
      // Set by proxy.ts for every address it runs on; never the client's own.
      delete request.headers[REQUESTED_PATH_HEADER];

      if (!declaresBody(request)) {
        admit(request, response);
        return;
      }
      // The body first, outside the gate: a client that is slow to send it holds no place.
      void receiveBody(request, { maxBytes: maxBodyBytes, budget: bodyBudget }).then((body) => {
        if (body.outcome === "received") {
          // Its bytes count against the process's budget until the request starts, or is given up.
          response.once("close", body.release);
          admit(request, response, body.release);
        } else if (body.outcome === "too-large") {
          refuse(response, 413, "The request is too large.");
        } else if (body.outcome === "busy") {
          refuse(response, 503, "The server is busy receiving other requests. Try again in a moment.", {
            "Retry-After": "5",
          });
        }
        // "gone": the client left, or Node's request timeout answered 408 and closed the connection.
      });
    },
  );
  return { server, gate, bodyBudget };
}

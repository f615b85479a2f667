/**
 * The app's HTTP server (scripts/lib/http-server.ts) started on a real port, with a stand-in for
 * Next's handler that reads bodies the way Next does: clients that send their headers and then
 * stall their body hold no request place, so health keeps answering; they are answered 408 once
 * the request timeout passes; bodies reach the app whole, on fresh and reused connections; and
 * bodies too large, or more than the process may hold, are refused before the app sees them.
 */
import { connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
// Next's own body machinery: its proxy reads a copy of the body, then its handler reads it again.
import { getCloneableBody } from "next/dist/server/body-streams";
import { UNTRUSTED_FORWARDING_WARNING } from "../../../scripts/lib/deployment-warnings";
import {
  createAppServer,
  DEFAULT_TIMEOUTS,
  type AppServer,
  type AppServerOptions,
} from "../../../scripts/lib/http-server";

const running: { app: AppServer; sockets: Set<Socket> }[] = [];

afterEach(async () => {
  for (const { app, sockets } of running.splice(0)) {
    for (const socket of sockets) socket.destroy();
    app.server.closeAllConnections();
    await new Promise((resolve) => app.server.close(resolve));
  }
});

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * A stand-in for Next: `/api/health` answers at once; any other request's body is read twice, as
 * Next's proxy and then its handler read it, and echoed with what the app saw of the request.
 */
async function nextLikeHandler(request: IncomingMessage, response: ServerResponse) {
  if (request.url === "/api/health") {
    response.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  const cloneable = getCloneableBody(request);
  const proxySaw = await readAll(cloneable.cloneBodyStream());
  await cloneable.finalize();
  const handlerSaw = await readAll(request);
  response.writeHead(200, { "Content-Type": "application/json" }).end(
    JSON.stringify({
      same: proxySaw.equals(handlerSaw),
      body: handlerSaw.toString("latin1"),
      address: request.headers["x-forwarded-for"],
      requestedPath: request.headers["x-pitfall-radar-path"] ?? null,
    }),
  );
}

async function start(options: Partial<AppServerOptions> = {}) {
  const app = createAppServer({
    handle: nextLikeHandler,
    requestsInFlight: 2,
    trustedProxyHops: 0,
    https: false,
    warn: () => {},
    ...options,
  });
  const sockets = new Set<Socket>();
  app.server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
  running.push({ app, sockets });
  const { port } = app.server.address() as AddressInfo;
  return { app, port };
}

/** Opens a connection that sends a POST's headers and the start of its body, then nothing more. */
function stalledPost(port: number, path = "/sign-in"): Promise<{ socket: Socket; received: () => string }> {
  return new Promise((resolve, reject) => {
    let received = "";
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
          "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 100000\r\n\r\n--xyz\r\n",
      );
      resolve({ socket, received: () => received });
    });
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("error", () => {});
    socket.once("error", reject);
  });
}

async function get(port: number, path: string, timeoutMs = 2_000) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function post(
  port: number,
  path: string,
  options: { body: Buffer | string; headers?: Record<string, string>; agent?: Agent; pieces?: number },
): Promise<{ status: number; headers: IncomingMessage["headers"]; text: string }> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(options.body);
    const outgoing = httpRequest(
      { host: "127.0.0.1", port, path, method: "POST", headers: options.headers, agent: options.agent },
      (response) => {
        void readAll(response).then(
          (text) =>
            resolve({ status: response.statusCode!, headers: response.headers, text: text.toString() }),
          reject,
        );
      },
    );
    outgoing.on("error", reject);
    // Sent in pieces, a few milliseconds apart, as a slow network delivers it.
    const pieces = options.pieces ?? 1;
    const size = Math.ceil(body.length / pieces);
    let index = 0;
    const sendNext = () => {
      if (index >= body.length) {
        outgoing.end();
        return;
      }
      outgoing.write(body.subarray(index, index + size));
      index += size;
      setTimeout(sendNext, 5);
    };
    sendNext();
  });
}

const waitFor = async (condition: () => boolean, timeoutMs = 5_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("the app's HTTP server", () => {
  it("sets time limits on headers, whole requests and idle connections", async () => {
    const { app } = await start();
    expect(app.server.headersTimeout).toBe(DEFAULT_TIMEOUTS.headersMs);
    expect(app.server.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
    expect(app.server.keepAliveTimeout).toBe(DEFAULT_TIMEOUTS.keepAliveMs);
    expect(DEFAULT_TIMEOUTS.requestMs).toBeLessThanOrEqual(30_000);
    expect(DEFAULT_TIMEOUTS.headersMs).toBeLessThanOrEqual(DEFAULT_TIMEOUTS.requestMs);
  });

  it("keeps answering health while many times its request places are held by stalled bodies", async () => {
    const { app, port } = await start({ requestsInFlight: 2 });
    const stalled = await Promise.all(Array.from({ length: 12 }, () => stalledPost(port)));
    // Time for the server to read every stalled request's headers and first bytes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const health = await get(port, "/api/health");
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    // The stalled bodies are waited for outside the gate, their first bytes held in the budget.
    expect(app.gate.active).toBe(0);
    expect(app.gate.waiting).toBe(0);
    expect(app.bodyBudget.held).toBe(12 * "--xyz\r\n".length);
    // Ordinary requests with bodies get through too, and in full.
    const saved = await post(port, "/api/autosave/answer", {
      body: '{"answer":"yes"}',
      headers: { "Content-Type": "application/json" },
    });
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.text)).toMatchObject({ same: true, body: '{"answer":"yes"}' });
    for (const { socket } of stalled) socket.destroy();
    await waitFor(() => app.bodyBudget.held === 0);
  });

  it("answers a body that does not arrive in time with 408 and closes its connection", async () => {
    const { app, port } = await start({
      timeouts: { headersMs: 500, requestMs: 800, keepAliveMs: 500, checkIntervalMs: 100 },
    });
    const { socket, received } = await stalledPost(port);
    const closed = new Promise((resolve) => socket.once("close", resolve));
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 408 /);
    await waitFor(() => app.bodyBudget.held === 0);
    expect(app.gate.active).toBe(0);
  });

  it("hands the app every body whole: in pieces, chunked, binary, and on a reused connection", async () => {
    const { port } = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const binary = Buffer.from(Array.from({ length: 70_000 }, (_, index) => index % 256));
      const answers = [
        await post(port, "/a", { body: "x".repeat(200_000), pieces: 20, agent }),
        await post(port, "/b", {
          body: binary,
          headers: { "Transfer-Encoding": "chunked" },
          pieces: 7,
          agent,
        }),
        await post(port, "/c", { body: "small", agent }),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const seen = answers.map((answer) => JSON.parse(answer.text) as { same: boolean; body: string });
      expect(seen.every((answer) => answer.same)).toBe(true);
      expect(seen[0]!.body).toBe("x".repeat(200_000));
      expect(Buffer.from(seen[1]!.body, "latin1").equals(binary)).toBe(true);
      expect(seen[2]!.body).toBe("small");
    } finally {
      agent.destroy();
    }
  });

  it("refuses a body over the limit with 413 before the app sees it, declared or streamed", async () => {
    let handled = 0;
    const { port } = await start({
      maxBodyBytes: 1_000,
      handle: (request, response) => {
        handled += 1;
        return nextLikeHandler(request, response);
      },
    });
    const declared = await post(port, "/sign-in", { body: "x".repeat(1_001) });
    const streamed = await post(port, "/sign-in", {
      body: "x".repeat(5_000),
      headers: { "Transfer-Encoding": "chunked" },
      pieces: 5,
    });
    for (const answer of [declared, streamed]) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.text)).toEqual({ error: "The request is too large." });
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
    expect(handled).toBe(0);
    expect((await post(port, "/sign-in", { body: "x".repeat(1_000) })).status).toBe(200);
  });

  it("holds at most its budget of waiting bodies, refusing more with 503, and gives it back as requests start", async () => {
    let finishFirst = () => {};
    const { app, port } = await start({
      requestsInFlight: 1,
      maxPendingBodyBytes: 1_500,
      handle: (request, response) => {
        if (request.url === "/slow") {
          finishFirst = () => response.end("done");
          return;
        }
        return nextLikeHandler(request, response);
      },
    });
    const first = post(port, "/slow", { body: "first" });
    await waitFor(() => app.gate.active === 1);
    const second = post(port, "/queued", { body: "y".repeat(1_000) });
    await waitFor(() => app.gate.waiting === 1);
    expect(app.bodyBudget.held).toBe(1_000);
    const third = await post(port, "/refused", { body: "z".repeat(1_000) });
    expect(third.status).toBe(503);
    expect(third.headers["retry-after"]).toBe("5");
    finishFirst();
    expect((await first).text).toBe("done");
    expect(JSON.parse((await second).text)).toMatchObject({ same: true, body: "y".repeat(1_000) });
    expect(app.bodyBudget.held).toBe(0);
  });

  it("decides the client address itself and drops the requested-path header a client sent", async () => {
    const { port } = await start();
    const answer = await post(port, "/x", {
      body: "a",
      headers: { "X-Forwarded-For": "203.0.113.9", "X-Pitfall-Radar-Path": "/evil", "X-Real-IP": "1.2.3.4" },
    });
    expect(JSON.parse(answer.text)).toMatchObject({ address: "127.0.0.1", requestedPath: null });
  });

  it("warns once when forwarding headers arrive while no proxy is trusted, and not when one is", async () => {
    const warnings: string[] = [];
    const { port } = await start({ warn: (message) => warnings.push(message) });
    await get(port, "/api/health");
    expect(warnings).toEqual([]);
    for (const header of ["X-Forwarded-For", "X-Forwarded-Proto"]) {
      await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { [header]: "https" } });
    }
    expect(warnings).toEqual([UNTRUSTED_FORWARDING_WARNING]);

    const trusted: string[] = [];
    const behindProxy = await start({ trustedProxyHops: 1, warn: (message) => trusted.push(message) });
    await fetch(`http://127.0.0.1:${behindProxy.port}/api/health`, {
      headers: { "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https" },
    });
    expect(trusted).toEqual([]);
  });

  it("refuses TRACE with 405 before the app sees it", async () => {
    const { port } = await start();
    const answer = await new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
      const outgoing = httpRequest({ host: "127.0.0.1", port, path: "/", method: "TRACE" }, (response) => {
        response.resume();
        resolve({ status: response.statusCode!, allow: response.headers.allow });
      });
      outgoing.on("error", reject);
      outgoing.end();
    });
    expect(answer.status).toBe(405);
    expect(answer.allow).toContain("GET");
  });
});

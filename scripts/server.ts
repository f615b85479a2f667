/**
 * The production HTTP server: Next's own request handler behind a plain Node server, so the app
 * knows which address each request really came from. Started by scripts/start.ts.
 *
 * `next start` keeps an `X-Forwarded-For` header the client sent and only fills it in from the
 * connection when it is missing, so a client could pick its own address. Here the header is
 * replaced, before Next sees the request, by the one address `resolveClientAddress` trusts: the
 * connection's other end, or with TRUSTED_PROXY_HOPS set, the entry the outermost trusted proxy
 * wrote. Everything in the app reads that one value (src/server/auth/request-address.ts).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "../src/client-address";
import { loadEnvOrExit } from "../src/env";
import { securityHeaders } from "../src/security-headers";
import { listenFailureMessage } from "./lib/listen-failure";
import { createRequestGate } from "./lib/request-gate";

async function main() {
  const env = loadEnvOrExit();
  adoptBuiltConfig();
  const app = next({ dev: false, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const gate = createRequestGate(env.REQUESTS_IN_FLIGHT);
  const refusedMethodHeaders = {
    ...Object.fromEntries(
      securityHeaders({ https: env.APP_URL.startsWith("https:") }).map(({ key, value }) => [key, value]),
    ),
    // A plain-text refusal loads nothing, so its policy allows nothing.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
  };
  const server = createServer((request, response) => {
    // TRACE echoes a request back (cross-site tracing), and Next answers it with a 500; nothing in
    // the app uses it, so it is refused here before Next sees it. (Node itself answers 400 to
    // methods it does not know, such as TRACK.)
    if (request.method === "TRACE") {
      response.writeHead(405, refusedMethodHeaders).end("This method is not allowed.\n");
      return;
    }
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
      socketAddress: request.socket.remoteAddress,
      forwardedFor: request.headers["x-forwarded-for"],
      trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    });
    delete request.headers["x-real-ip"];
    gate.admit(
      (release) => {
        // "close" comes once the response is sent or its connection is gone, whichever is first.
        response.once("close", release);
        void handle(request, response);
      },
      () => response.destroyed,
    );
  });
  const failToListen = (error: NodeJS.ErrnoException) => {
    console.error(listenFailureMessage(error, env.PORT));
    process.exit(1);
  };
  server.once("error", failToListen);
  server.listen(env.PORT, () => {
    server.off("error", failToListen);
    console.log(`Pitfall Radar is listening on port ${env.PORT}.`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
      // Open keep-alive connections would hold the process; leave shortly after in any case.
      setTimeout(() => process.exit(0), 2_000).unref();
    });
  }
}

/**
 * Hands Next the configuration `next build` resolved and wrote beside the build, as Next's own
 * standalone server does, instead of letting it compile next.config.ts again in every process:
 * compiling it loads Next's native compiler, about 25 MiB resident in every server process, which
 * serving never uses. The build's copy is the same configuration (its headers are already in the
 * build's routes manifest).
 */
function adoptBuiltConfig() {
  let builtFiles: string;
  try {
    builtFiles = readFileSync(".next/required-server-files.json", "utf8");
  } catch {
    throw new Error("No production build was found in .next/: run `npm run build` first.");
  }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(
    (JSON.parse(builtFiles) as { config: unknown }).config,
  );
}

main().catch((error: unknown) => {
  console.error(`The server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

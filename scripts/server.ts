/**
 * The production HTTP server: Next's own request handler behind a plain Node server, so the app
 * knows which address each request really came from. Started by scripts/start.ts.
 *
 * `next start` keeps an `X-Forwarded-For` header the client sent and only fills it in from the
 * connection when it is missing, so a client could pick its own address. Here the header is
 * replaced, before Next sees the request, by the one address `resolveClientAddress` trusts: the
 * connection's other end, or with TRUSTED_PROXY_HOPS set, the entry the outermost trusted proxy
 * wrote. Everything in the app reads that one value (src/server/auth/request-address.ts). The
 * server itself, with its request gate, body handling and time limits, is scripts/lib/http-server.ts.
 */
import { readFileSync } from "node:fs";
import next from "next";
import { loadEnvOrExit } from "../src/env";
import { createAppServer } from "./lib/http-server";
import { listenFailureMessage } from "./lib/listen-failure";

async function main() {
  const env = loadEnvOrExit();
  adoptBuiltConfig();
  const app = next({ dev: false, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const { server } = createAppServer({
    handle,
    requestsInFlight: env.REQUESTS_IN_FLIGHT,
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    https: env.APP_URL.startsWith("https:"),
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

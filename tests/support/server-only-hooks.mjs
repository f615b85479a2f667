/**
 * For scripts that run data-layer modules outside Next.js (tests/support/answer-saver-process.ts):
 * `server-only` throws anywhere but in React Server Components, so here it resolves to an empty
 * module, as it does in the test runner. Loaded with `node --import ./tests/support/server-only-hooks.mjs`.
 */
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, nextResolve) {
      if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
      return nextResolve(specifier, context);
    }
  `)}`,
);

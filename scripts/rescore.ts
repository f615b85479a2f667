/**
 * Re-scores stored results computed with an older scoring method, one transaction per cycle:
 *   npm run db:rescore
 * Safe to run at any time and more than once: assessments already on the current method are left
 * alone. Exits 1 when a cycle could not be re-scored (that cycle is left exactly as it was).
 */
import { register } from "node:module";
import { loadEnvOrExit } from "../src/env";

// The re-scoring logic lives in the server's data layer, whose modules are marked server-only;
// outside Next that marker would throw, so it resolves to an empty module here.
register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,export {}", shortCircuit: true };
      return next(specifier, context);
    }
  `)}`,
);

async function main(): Promise<number> {
  const env = loadEnvOrExit();
  const { createPrismaClient } = await import("../src/server/prisma-client");
  const { describeRescoreReport, rescoreStoredResults } = await import("../src/server/assessments/rescore");
  const client = createPrismaClient(env.DATABASE_URL);
  try {
    const report = await rescoreStoredResults(client);
    for (const line of describeRescoreReport(report)) console.log(line);
    if (report.failed.length === 0) return 0;
    const count = report.failed.length;
    console.error(
      `${count} cycle${count === 1 ? "" : "s"} could not be re-scored and ${count === 1 ? "was" : "were"} left unchanged; fix the reason above, then run npm run db:rescore again.`,
    );
    return 1;
  } finally {
    await client.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Re-scoring failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

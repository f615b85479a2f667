import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

/**
 * A second `npm start` on the port and the database file of the running app (the one these specs
 * drive): its preparation finds nothing to migrate and leaves the file alone, then its servers
 * cannot listen, so it says why and exits with a failure instead of staying up serving nothing.
 */
test("a start on a port that is taken says so and exits with a failure", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const port = new URL(baseURL!).port;
  const child = spawn(process.execPath, ["build/scripts/start.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: "file:./data/e2e.db",
      PORT: port,
      APP_URL: baseURL!,
      AUTH_SECRET: "port-in-use-spec-secret-0123456789abcdef",
      DEMO_MODE: "false",
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });

  expect(exitCode, output).toBe(1);
  expect(output).toContain(
    `Port ${port} is already in use, by another Pitfall Radar or another program: stop it, or set PORT to a free port.`,
  );
  expect(output).not.toContain("uncaughtException");
  expect(output).not.toMatch(/Preparation failed|is open in another process/);
  // The running app was not disturbed.
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
});

import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(__dirname, "../../..");
const AUTH_SECRET = "start-settings-test-secret-0123456789abcdef";

/**
 * Runs `scripts/start.ts` (the preparation in its own process, then the primary) until its output
 * matches, then stops it and its workers. Rejects with the output when it exits first.
 */
function startUntil(env: Record<string, string | undefined>, expected: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
      cwd: repoRoot,
      // An undefined value leaves the variable out of the child's environment.
      env: { ...process.env, AUTH_SECRET, ...env },
      detached: true,
    });
    let output = "";
    const stop = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`No match for ${expected} within 60 s:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (expected.test(output)) {
        clearTimeout(timer);
        stop();
        resolve(output);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", () => {
      clearTimeout(timer);
      if (!expected.test(output)) reject(new Error(`start.ts exited before ${expected}:\n${output}`));
    });
  });
}

describe("npm start's settings, validated by the preparation and handed to the primary", () => {
  it("starts the number of server processes WEB_CONCURRENCY asks for", async () => {
    const output = await startUntil({ WEB_CONCURRENCY: "3", PORT: "3611" }, /Starting \d+ server process/);
    expect(output).toContain("Starting 3 server processes.");
  });

  it("starts one per available core, at most 4, when WEB_CONCURRENCY is unset", async () => {
    const expected = Math.min(availableParallelism(), 4);
    const output = await startUntil(
      { PORT: "3612", WEB_CONCURRENCY: undefined },
      /Starting \d+ server process/,
    );
    expect(output).toContain(`Starting ${expected} server process${expected === 1 ? "" : "es"}.`);
  });

  it("names an unreachable PostgreSQL server by host and port, without the URL's password, and stops", async () => {
    const output = await startUntil(
      { DATABASE_URL: "postgresql://radar:s3cret-word@127.0.0.1:1/pitfall_radar", PORT: "3613" },
      /Preparation failed: .*\n/,
    );
    expect(output).toContain(
      "Preparation failed: PostgreSQL at 127.0.0.1:1 cannot be reached (ECONNREFUSED): start it, or correct the host and port in DATABASE_URL.",
    );
    expect(output).not.toContain("s3cret-word");
    expect(output).not.toContain("Starting");
  });

  it("says when DATABASE_URL names a file that is not a SQLite database, and leaves it as it was", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "pitfall-radar-not-a-database-"));
    const file = path.join(folder, "notes.db");
    await writeFile(file, "These are notes, not a database.\n".repeat(200));
    try {
      const output = await startUntil({ DATABASE_URL: `file:${file}`, PORT: "3614" }, /Preparation failed: .*\n/);
      expect(output).toContain(
        `Preparation failed: ${file} is not a SQLite database: correct DATABASE_URL, or restore a backup into a new file (npm run db:restore).`,
      );
      expect(await readFile(file, "utf8")).toBe("These are notes, not a database.\n".repeat(200));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

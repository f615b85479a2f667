import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/env";

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, "../../..");

describe("parseEnv", () => {
  it("uses sensible defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/pitfall-radar.db");
    expect(env.DEMO_MODE).toBe(false);
    expect(env.PORT).toBe(3000);
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("reads the number of trusted proxy hops, 0 to 10", () => {
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS: expected the number of trusted proxies/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "all" })).toThrow(/TRUSTED_PROXY_HOPS: expected the number of trusted proxies/);
  });

  it("names the variable and what it expects when a value is malformed", () => {
    expect(() => parseEnv({ DATABASE_URL: "nonsense" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "nonsense" })).toThrow(
      /^Invalid environment variable DATABASE_URL: expected a SQLite file URL/,
    );
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT: expected a port number/);
    expect(() => parseEnv({ DEMO_MODE: "yes" })).toThrow(/DEMO_MODE: expected true or false/);
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBe("file:./data/pitfall-radar.db");
  });
});

describe("starting the app with a malformed DATABASE_URL", () => {
  it("prints one clear line and exits non-zero before touching anything", async () => {
    const failure = await run(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "nonsense" },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).not.toBeNull();
    expect(failure!.code).toBe(1);
    const lines = failure!.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      "Invalid environment variable DATABASE_URL: expected a SQLite file URL like file:./data/pitfall-radar.db or a PostgreSQL URL like postgresql://user@host:5432/pitfall_radar",
    );
  });
});

/**
 * Starts the built app (the compiled start script `npm start` runs) on a port of its own for a
 * benchmark, and stops it afterwards. Needs `npm run build` first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

export interface RunningApp {
  baseUrl: string;
  /** Resident memory of all server processes together (the start script's primary and its workers), in MiB. */
  rssMiB(): number;
  /**
   * Proportional set size of the same processes, in MiB: memory they share (the Node.js binary's
   * pages, mapped by each) counted once between them instead of once per process.
   */
  pssMiB(): number;
  /** How many processes serve: the primary and its workers. */
  processCount(): number;
  /** CPU time (user and system) the server processes have used so far, together, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

function childPids(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return children ? children.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kib / 1024;
  } catch {
    return 0;
  }
}

function pssOf(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Linux counts process CPU time in clock ticks of 1/100 s (USER_HZ, the same on every architecture). */
const TICK_MS = 10;

function cpuMsOf(pid: number): number {
  try {
    // The command name (field 2) may hold spaces; utime and stime are fields 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** All descendants of a process (start.ts → its server workers). */
function descendants(pid: number): number[] {
  const result: number[] = [];
  for (const child of childPids(pid)) result.push(child, ...descendants(child));
  return result;
}

export async function startApp(options: { port: number; env: Record<string, string> }): Promise<RunningApp> {
  if (!existsSync(".next/BUILD_ID") || !existsSync("build/scripts/start.mjs"))
    throw new Error("No production build: run `npm run build` first.");
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // A server left over from an interrupted run would answer the health check below, and the
  // benchmark would measure it (and its database) instead of this build.
  const leftover = await fetch(`${baseUrl}/api/health`).then(
    () => true,
    () => false,
  );
  if (leftover)
    throw new Error(`Port ${options.port} is already in use: stop the server listening there first.`);
  // What `npm start` runs: the compiled start script and server, as in production.
  const child: ChildProcess = spawn(process.execPath, ["build/scripts/start.mjs"], {
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      APP_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The app did not become healthy in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    rssMiB: () => [child.pid!, ...descendants(child.pid!)].reduce((sum, pid) => sum + rssOf(pid), 0),
    pssMiB: () => [child.pid!, ...descendants(child.pid!)].reduce((sum, pid) => sum + pssOf(pid), 0),
    processCount: () => 1 + descendants(child.pid!).length,
    cpuMs: () => [child.pid!, ...descendants(child.pid!)].reduce((sum, pid) => sum + cpuMsOf(pid), 0),
    async stop() {
      for (const pid of descendants(child.pid!).reverse()) {
        try {
          process.kill(pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    },
  };
}

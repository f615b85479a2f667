/**
 * npm run bench:lighthouse — Lighthouse with its defaults (mobile form factor, simulated
 * throttling) against the production build (`npm run build` first) on a fresh demo database,
 * signed in as the head of engineering, for the organisation heatmap and a team dashboard.
 *
 *   npm run bench:lighthouse
 *   npm run bench:lighthouse -- --runs=5    more runs per page (default 3); the median run is printed
 *   npm run bench:lighthouse -- --save=dir  also writes each run's full Lighthouse report (JSON) to dir
 *   npm run bench:lighthouse -- --path=/org/rollups   audits that page (repeatable) instead of the two above
 *
 * Chromium is Debian's (/usr/bin/chromium), headless. Prints one line per page: performance and
 * accessibility scores, CLS, LCP and TBT. Figures vary with the machine's load: this is a
 * benchmark to run by hand, not a test.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO_PASSWORD } from "../prisma/seed/demo-organisation";
import { startApp } from "./lib/app-server";
import { sessionCookieFor } from "./lib/sign-in";

const PORT = 3500;
const DATABASE = "data/lighthouse.db";
const HEAD_EMAIL = "head@example.com";
const DEFAULT_PAGES = [
  { label: "/org (heatmap)", path: "/org" },
  { label: "team dashboard", path: "/team/checkout/dashboard" },
] as const;

interface Figures {
  performance: number;
  accessibility: number;
  cls: number;
  lcpMs: number;
  tbtMs: number;
}

function runsFromArguments(): number {
  const argument = process.argv.find((value) => value.startsWith("--runs="));
  const runs = argument ? Number(argument.slice("--runs=".length)) : 3;
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs takes a whole number above 0, not ${argument}`);
  return runs;
}

function pagesFromArguments(): readonly { label: string; path: string }[] {
  const paths = process.argv.filter((value) => value.startsWith("--path=")).map((value) => value.slice("--path=".length));
  if (paths.some((path) => !path.startsWith("/"))) throw new Error("--path takes a path on the app, starting with /");
  return paths.length ? paths.map((path) => ({ label: path, path })) : DEFAULT_PAGES;
}

function saveDirectoryFromArguments(): string | undefined {
  const argument = process.argv.find((value) => value.startsWith("--save="));
  return argument ? argument.slice("--save=".length) : undefined;
}

async function audit(url: string, cookie: string, port: number, saveAs?: string): Promise<Figures> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    extraHeaders: { Cookie: cookie },
  });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr } = result;
  if (saveAs) writeFileSync(saveAs, JSON.stringify(lhr));
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    cls: numeric("cumulative-layout-shift"),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
  };
}

/** The run with the median performance score, so one unlucky run neither sinks nor flatters a page. */
function medianRun(runs: Figures[]): Figures {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const runs = runsFromArguments();
  const saveDirectory = saveDirectoryFromArguments();
  if (saveDirectory) mkdirSync(saveDirectory, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DATABASE + suffix, { force: true });
  const app = await startApp({ port: PORT, env: { DATABASE_URL: `file:./${DATABASE}`, DEMO_MODE: "true" } });
  const chrome = await chromeLauncher.launch({
    chromePath: "/usr/bin/chromium",
    chromeFlags: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const cookie = await sessionCookieFor(app.baseUrl, HEAD_EMAIL, DEMO_PASSWORD);
    console.log(`Lighthouse (mobile defaults, simulated throttling), median of ${runs} run(s) per page`);
    for (const page of pagesFromArguments()) {
      const url = `${app.baseUrl}${page.path}`;
      // One unreported load first, so the server's first-request compilation and caches are not measured.
      await fetch(url, { headers: { cookie } });
      const figures: Figures[] = [];
      for (let run = 0; run < runs; run++) {
        const saveAs = saveDirectory
          ? path.join(saveDirectory, `${page.path.replace(/\W+/g, "-").replace(/^-|-$/g, "")}-${run + 1}.json`)
          : undefined;
        figures.push(await audit(url, cookie, chrome.port, saveAs));
      }
      const median = medianRun(figures);
      console.log(
        `${page.label.padEnd(16)} performance ${String(median.performance).padStart(3)}  accessibility ${String(median.accessibility).padStart(3)}  CLS ${median.cls.toFixed(3)}  LCP ${(median.lcpMs / 1000).toFixed(2)} s  TBT ${Math.round(median.tbtMs)} ms  (performance per run: ${figures.map((run) => run.performance).join(", ")})`,
      );
    }
  } finally {
    chrome.kill();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

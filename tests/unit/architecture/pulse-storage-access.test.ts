/**
 * The anonymous pulse's tables are reached from two places only, so no page, export or API can
 * hand out more than the thresholded aggregate:
 *
 * - the counts (pulse_tally) are read only by readPulseAggregates in
 *   src/server/assessments/team-evidence.ts, which applies the threshold, and written only by
 *   src/server/pulse/mutations.ts, which never reads them back;
 * - the record of who answered (pulse_participation) is only created, and counted (how many
 *   answered; whether one person has): never read as rows, so no read returns a person's id next
 *   to anything else.
 *
 * Checked over the source text of src/ and app/, the way a reviewer would grep for them.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const TALLY_READER = "src/server/assessments/team-evidence.ts";
const TALLY_WRITER = "src/server/pulse/mutations.ts";

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory)).flatMap((name) => {
    const relative = path.posix.join(directory, name);
    if (statSync(path.join(ROOT, relative)).isDirectory())
      return name === "generated" ? [] : sourceFiles(relative);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(name) ? [relative] : [];
  });
}

const files = [...sourceFiles("src"), ...sourceFiles("app")].map((file) => ({
  file,
  source: readFileSync(path.join(ROOT, file), "utf8"),
}));

/** The Prisma methods called on a model delegate, e.g. `tx.pulseTally.findMany(` → findMany. */
function methodsCalledOn(source: string, delegate: string): string[] {
  return [...source.matchAll(new RegExp(`\\b${delegate}\\s*\\.\\s*(\\w+)`, "g"))].map((match) => match[1]!);
}

const READS = [
  "findMany",
  "findFirst",
  "findFirstOrThrow",
  "findUnique",
  "findUniqueOrThrow",
  "count",
  "aggregate",
  "groupBy",
];

describe("the pulse counts (pulse_tally)", () => {
  const mentioning = files.filter(({ source }) => /pulseTally|pulseTallies|pulse_tally/.test(source));

  it("are mentioned only by their one reader and their one writer", () => {
    expect(mentioning.map(({ file }) => file).sort()).toEqual([TALLY_READER, TALLY_WRITER].sort());
  });

  it("are only read (with findMany) by the reader, which applies the threshold", () => {
    const reader = files.find(({ file }) => file === TALLY_READER)!;
    expect(methodsCalledOn(reader.source, "pulseTally")).toEqual(["findMany"]);
    expect(reader.source).not.toMatch(/pulse_tally|pulseTallies/);
    expect(reader.source).toMatch(/aggregatePulse\(/);
  });

  it("are only written by the writer, which never reads them back", () => {
    const writer = files.find(({ file }) => file === TALLY_WRITER)!;
    const methods = methodsCalledOn(writer.source, "pulseTally");
    expect(methods.filter((method) => READS.includes(method))).toEqual([]);
    // Its statements change rows and return nothing: no raw query, no RETURNING, no SELECT.
    expect(writer.source).not.toMatch(/\$queryRaw|RETURNING|SELECT\b/);
    expect(writer.source).toMatch(/INSERT INTO "pulse_tally"/);
    expect(writer.source).toMatch(/UPDATE "pulse_tally"/);
  });
});

describe("the record of who answered (pulse_participation)", () => {
  it("is only created or counted, never read as rows", () => {
    const calls = files.flatMap(({ file, source }) =>
      methodsCalledOn(source, "pulseParticipation").map((method) => `${file}: ${method}`),
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => !/: (create|count)$/.test(call))).toEqual([]);
  });

  it("is created only where answers are counted", () => {
    const creators = files
      .filter(({ source }) => methodsCalledOn(source, "pulseParticipation").includes("create"))
      .map(({ file }) => file);
    expect(creators).toEqual([TALLY_WRITER]);
  });

  it("is never reached by raw SQL, and through relations only to count it", () => {
    for (const { file, source } of files) {
      expect(source, file).not.toMatch(/pulse_participation/i);
      for (const match of source.matchAll(/pulseParticipations/g)) {
        const before = source.slice(Math.max(0, match.index - 120), match.index);
        expect(before, `${file} reaches pulseParticipations outside a _count`).toMatch(/_count/);
      }
    }
  });
});

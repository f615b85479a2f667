/**
 * Trend arrows: how a risk score moved since the previous cycle, with the words a screen reader
 * says instead of the arrow. Scores are risk, so "up" means the pitfall got worse.
 */

export type TrendDirection = "up" | "down" | "steady";

export interface Trend {
  direction: TrendDirection;
  /** Whole score points, signed: positive means more risk than in the previous cycle. */
  change: number;
  /** The previous cycle's name, e.g. "2026 Q3". */
  since: string;
  /** Text alternative for the arrow, e.g. "up 12 since 2026 Q3". */
  text: string;
}

export const TREND_ARROWS: Record<TrendDirection, string> = { up: "↑", down: "↓", steady: "→" };

/**
 * A change rounded the same way up and down, to whole points or to `decimals` places: the size is
 * rounded (a half away from zero) and the sign kept, so a rise of 12.5 and a fall of 12.5 both read
 * as 13 (Math.round alone rounds halves up: +0.5 would be "up 1" and −0.5 "unchanged"). The
 * floating-point noise of a subtraction (40.6 − 40.1 is 0.4999999999999929) is cleared first;
 * scores carry one decimal and shares three, so a half is then a half.
 */
export function roundChange(change: number, decimals = 0): number {
  const scale = 10 ** decimals;
  const size = Math.round(Math.round(Math.abs(change) * scale * 1e6) / 1e6) / scale;
  return size === 0 ? 0 : Math.sign(change) * size;
}

/**
 * Changes are rounded to whole points: a tenth of a point is noise on a 0-100 scale, and an arrow
 * that flips on noise would teach people to ignore arrows.
 */
export function scoreTrend(
  current: number | null,
  previous: number | null,
  since: string | null,
): Trend | null {
  if (current === null || previous === null || since === null) return null;
  return trendOfChange(roundChange(current - previous), since);
}

/** The trend for a change already rounded to whole points. */
export function trendOfChange(change: number, since: string): Trend {
  if (change === 0) return { direction: "steady", change: 0, since, text: `unchanged since ${since}` };
  const direction: TrendDirection = change > 0 ? "up" : "down";
  return { direction, change, since, text: `${direction} ${Math.abs(change)} since ${since}` };
}

/** Trend of a share (0..1), in percentage points, e.g. "up 5 points since 2026 Q3". */
export function shareTrend(
  current: number | null,
  previous: number | null,
  since: string | null,
): Trend | null {
  if (current === null || previous === null || since === null) return null;
  const change = roundChange((current - previous) * 100);
  if (change === 0) return { direction: "steady", change: 0, since, text: `unchanged since ${since}` };
  const direction: TrendDirection = change > 0 ? "up" : "down";
  const points = Math.abs(change) === 1 ? "point" : "points";
  return { direction, change, since, text: `${direction} ${Math.abs(change)} ${points} since ${since}` };
}

/**
 * Results computed with different scoring methods measure with different yardsticks, so a change
 * between them is not a trend. Comparisons across such a break are withheld and labelled instead
 * (`npm run db:rescore` re-scores stored results so that they all use the current method).
 */
export interface MethodChange {
  /** The earlier cycle of the comparison, e.g. "2026 Q3". */
  since: string;
  /** Distinct method versions of the earlier and of the later results, ascending. */
  earlier: number[];
  later: number[];
  /** e.g. "2026 Q3 was scored with scoring method 1 and this cycle with method 2, so changes since 2026 Q3 are not shown." */
  text: string;
}

function distinctVersions(versions: readonly (number | null)[]): number[] {
  return [...new Set(versions.filter((version): version is number => version !== null))].sort(
    (a, b) => a - b,
  );
}

function methodWords(versions: readonly number[]): string {
  if (versions.length === 0) return "an unrecorded method";
  const list =
    versions.length === 1
      ? String(versions[0])
      : `${versions.slice(0, -1).join(", ")} and ${versions.at(-1)}`;
  return `${versions.length === 1 ? "method" : "methods"} ${list}`;
}

/** True when two results can be compared: both were computed with the same scoring method. */
export function sameMethod(a: number | null, b: number | null): boolean {
  return a === b;
}

/**
 * The method change between the results of an earlier cycle and those of a later one (each a list
 * of the compared results' method versions), or null when every one of them used the same method.
 */
export function methodChangeBetween(
  later: readonly (number | null)[],
  earlier: readonly (number | null)[],
  since: string | null,
): MethodChange | null {
  if (since === null || later.length === 0 || earlier.length === 0) return null;
  const all = new Set([...later, ...earlier]);
  if (all.size <= 1) return null;
  const before = distinctVersions(earlier);
  const after = distinctVersions(later);
  const text =
    before.length === 1 && after.length === 1 && !earlier.includes(null) && !later.includes(null)
      ? `${since} was scored with scoring method ${before[0]} and this cycle with method ${after[0]}, so changes since ${since} are not shown.`
      : `Results compared with ${since} were scored with different scoring methods (${since}: ${methodWords(before)}, this cycle: ${methodWords(after)}), so changes across the method change are not shown.`;
  return { since, earlier: before, later: after, text };
}

/** `scoreTrend`, withheld when the two scores were computed with different scoring methods. */
export function scoreTrendWithinMethod(
  current: { score: number | null; method: number | null },
  previous: { score: number | null; method: number | null } | null,
  since: string | null,
): Trend | null {
  if (previous === null || !sameMethod(current.method, previous.method)) return null;
  return scoreTrend(current.score, previous.score, since);
}

/**
 * A note for a chart over several cycles whose results come from more than one scoring method,
 * naming which cycles used which; null when they all used the same one.
 */
export function historyMethodNote(
  points: readonly { cycleName: string; versions: readonly (number | null)[] }[],
): string | null {
  const withResults = points.filter((point) => point.versions.length > 0);
  const all = new Set(withResults.flatMap((point) => point.versions));
  if (all.size <= 1) return null;
  const runs: { label: string; first: string; last: string }[] = [];
  for (const point of withResults) {
    const versions = distinctVersions(point.versions);
    const label =
      versions.length === 1 && !point.versions.includes(null)
        ? `method ${versions[0]}`
        : `mixed (${methodWords(versions)})`;
    const run = runs.at(-1);
    if (run && run.label === label) run.last = point.cycleName;
    else runs.push({ label, first: point.cycleName, last: point.cycleName });
  }
  const parts = runs.map(
    (run) => `${run.first === run.last ? run.first : `${run.first} to ${run.last}`}: ${run.label}`,
  );
  return `These cycles were scored with different scoring methods (${parts.join("; ")}), so a step between them may come from the method rather than the team.`;
}

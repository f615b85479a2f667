/**
 * Assessment cycles are quarters. This is the one place that names them ("2026 Q3"), writes them
 * into URLs ("2026-q3"), reads them back, and orders them.
 */
import { isoDay } from "../format";
import { startOfDayIn } from "../time-zone";

export interface CycleQuarter {
  year: number;
  quarter: number;
}

/** The name people read and the database stores: "2026 Q3". */
export function cycleName(cycle: CycleQuarter): string {
  return `${cycle.year} Q${cycle.quarter}`;
}

/**
 * "Q3 ’26" for "2026 Q3", as the heatmap tags an earlier result: short enough for every quarter to
 * keep its label on a small chart's axis, with the full name where there is room (a tooltip, a
 * table). Anything else is returned as it is.
 */
export function shortCycleName(name: string): string {
  const cycle = parseCycleRef(name);
  return cycle ? `Q${cycle.quarter} ’${String(cycle.year % 100).padStart(2, "0")}` : name;
}

/** The URL form of a cycle, e.g. "2026-q4": stable, readable and free of database ids. */
export function cycleKey(cycle: CycleQuarter): string {
  return `${cycle.year}-q${cycle.quarter}`;
}

/** A stored cycle name in the address bar: "2026 Q4" → "2026-q4", no encoded spaces. */
export function cycleSlug(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, "-");
}

const LENIENT_CYCLE = /^(\d{4})[\s-]*q([1-4])$/i;
const CYCLE_KEY = /^(\d{4})-q([1-4])$/i;

function matchCycle(pattern: RegExp, value: string): CycleQuarter | null {
  const match = pattern.exec(value.trim());
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

/**
 * A cycle as people and links write it: "2026 Q3", "2026-q3", "2026q3". Null for anything else
 * (a quarter outside 1-4, "Q3 2026"), which callers answer with an example of the right form.
 */
export function parseCycleRef(value: string): CycleQuarter | null {
  return matchCycle(LENIENT_CYCLE, value);
}

/** Only the URL key form ("2026-q4", any case): dashboards' cycle query parameter. */
export function parseCycleKey(value: unknown): CycleQuarter | null {
  return typeof value === "string" ? matchCycle(CYCLE_KEY, value) : null;
}

/** Negative when `a` comes before `b`. */
export function compareCycles(a: CycleQuarter, b: CycleQuarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

export function sameCycle(a: CycleQuarter, b: CycleQuarter): boolean {
  return a.year === b.year && a.quarter === b.quarter;
}

/** Oldest first. */
export function sortCycles<T extends CycleQuarter>(cycles: readonly T[]): T[] {
  return [...cycles].sort(compareCycles);
}

/** The cycle just before `cycle` among `cyclesOldestFirst`, or null when none is earlier. */
export function previousCycle<T extends CycleQuarter>(
  cyclesOldestFirst: readonly T[],
  cycle: CycleQuarter,
): T | null {
  let previous: T | null = null;
  for (const candidate of cyclesOldestFirst) {
    if (compareCycles(candidate, cycle) >= 0) break;
    previous = candidate;
  }
  return previous;
}

/** The quarter after `cycle`: 2026 Q4 is followed by 2027 Q1. */
export function quarterAfter(cycle: CycleQuarter): CycleQuarter {
  return cycle.quarter === 4
    ? { year: cycle.year + 1, quarter: 1 }
    : { year: cycle.year, quarter: cycle.quarter + 1 };
}

/** The quarter a moment falls in, by the UTC calendar. */
export function quarterOf(date: Date): CycleQuarter {
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 };
}

/** A quarter opens on its first day and is due on the 15th of its last month (ISO days). */
export function defaultCycleDates(year: number, quarter: number): { opensOn: string; closesOn: string } {
  const firstMonth = (quarter - 1) * 3;
  return {
    opensOn: isoDay(new Date(Date.UTC(year, firstMonth, 1))),
    closesOn: isoDay(new Date(Date.UTC(year, firstMonth + 2, 15))),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment from which a new team no longer belongs to a cycle: the start of the day after the
 * cycle's due date in the organisation's time zone (`closesOn` is the due day, stored as a UTC
 * midnight; days are the organisation's calendar days, as for due dates everywhere else). A team
 * created later never had the chance to take part, so counting it as "not started" would rewrite
 * a closed cycle's figures every time teams are added. A team with an assessment in the cycle
 * belongs to it whenever it was created.
 */
export function cycleTeamCutoff(closesOn: Date, timeZone: string): Date {
  return startOfDayIn(new Date(closesOn.getTime() + DAY_MS), timeZone);
}

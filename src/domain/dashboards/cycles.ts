/**
 * Assessment cycles as dashboards see them: ordered by quarter, addressed in URLs by a readable key
 * such as "2026-q4", and compared with the cycle before them for trends.
 */

export interface DashboardCycle {
  id: string;
  name: string;
  year: number;
  quarter: number;
  status: string;
}

/** The URL form of a cycle, e.g. "2026-q4": stable, readable and free of database ids. */
export function cycleKey(cycle: { year: number; quarter: number }): string {
  return `${cycle.year}-q${cycle.quarter}`;
}

export function parseCycleKey(value: unknown): { year: number; quarter: number } | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4})-q([1-4])$/i.exec(value.trim());
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) };
}

export function compareCycles(
  a: { year: number; quarter: number },
  b: { year: number; quarter: number },
): number {
  return a.year - b.year || a.quarter - b.quarter;
}

/** Oldest first. */
export function sortCycles<T extends { year: number; quarter: number }>(cycles: readonly T[]): T[] {
  return [...cycles].sort(compareCycles);
}

/**
 * The cycle a URL asks for, or the most recent one when the key is missing or names no cycle, so a
 * stale bookmark still shows something useful instead of an error.
 */
export function selectCycle<T extends DashboardCycle>(
  cyclesOldestFirst: readonly T[],
  key: string | undefined,
): T | null {
  const wanted = parseCycleKey(key);
  if (wanted) {
    const found = cyclesOldestFirst.find(
      (cycle) => cycle.year === wanted.year && cycle.quarter === wanted.quarter,
    );
    if (found) return found;
  }
  return cyclesOldestFirst.at(-1) ?? null;
}

/** The cycle just before `cycle` in quarter order, or null for the first one. */
export function previousCycle<T extends DashboardCycle>(cyclesOldestFirst: readonly T[], cycle: T): T | null {
  let previous: T | null = null;
  for (const candidate of cyclesOldestFirst) {
    if (compareCycles(candidate, cycle) >= 0) break;
    previous = candidate;
  }
  return previous;
}

/** A cycle as pages show it: the URL key, the name people read, open or closed. */
export interface CycleOption {
  key: string;
  name: string;
  status: string;
}

export function toCycleOption(cycle: DashboardCycle): CycleOption {
  return { key: cycleKey(cycle), name: cycle.name, status: cycle.status };
}

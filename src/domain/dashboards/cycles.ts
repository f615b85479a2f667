/**
 * Assessment cycles as dashboards see them: ordered by quarter, addressed in URLs by a readable key
 * such as "2026-q4", and compared with the cycle before them for trends.
 */
import { cycleKey, parseCycleKey, sameCycle } from "../cycles/cycle-ref";

export interface DashboardCycle {
  id: string;
  name: string;
  year: number;
  quarter: number;
  status: string;
}

/**
 * The cycle a URL asks for; without one, the cycle teams are answering now (the latest open one), or
 * the most recent when none is open. A later quarter opened early and closed again with nobody in it
 * must not become what every dashboard shows by default while the current quarter is open.
 */
export function selectCycle<T extends DashboardCycle>(
  cyclesOldestFirst: readonly T[],
  key: string | undefined,
): T | null {
  const wanted = parseCycleKey(key);
  if (wanted) {
    const found = cyclesOldestFirst.find((cycle) => sameCycle(cycle, wanted));
    if (found) return found;
  }
  return cyclesOldestFirst.findLast((cycle) => cycle.status === "open") ?? cyclesOldestFirst.at(-1) ?? null;
}

/**
 * True when the URL names a cycle (`?cycle=2099-q1`, or something that is no cycle key at all) that
 * is not among `cycles`. Every page and download that reads `?cycle=` answers such a request with
 * "not found" rather than quietly showing another cycle; no `?cycle=` at all means the latest.
 */
export function isUnknownCycleRequest(cycles: readonly DashboardCycle[], key: string | undefined): boolean {
  if (key === undefined || key.trim() === "") return false;
  const wanted = parseCycleKey(key.trim());
  return !wanted || !cycles.some((cycle) => sameCycle(cycle, wanted));
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

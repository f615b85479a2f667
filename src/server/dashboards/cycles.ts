import "server-only";
import { sortCycles } from "@/domain/cycles/cycle-ref";
import type { DashboardCycle } from "@/domain/dashboards/cycles";
import { db } from "../db";

/** Cycles that have started (open or closed), oldest first; planned cycles hold no assessments yet. */
export async function listStartedCycles(): Promise<DashboardCycle[]> {
  const cycles = await db.cycle.findMany({
    where: { status: { in: ["open", "closed"] } },
    select: { id: true, name: true, year: true, quarter: true, status: true },
  });
  return sortCycles(cycles);
}

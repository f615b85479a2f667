import { formatDayLong, formatMomentDayLong } from "../format";

/**
 * How far away a due date is, in whole days of the organisation's calendar, as a person would say
 * it next to the date: "today", "tomorrow", "in 16 days", "yesterday", "3 days ago".
 */
export function dueInWords(daysLeft: number): string {
  if (daysLeft === 0) return "today";
  if (daysLeft === 1) return "tomorrow";
  if (daysLeft > 1) return `in ${daysLeft} days`;
  if (daysLeft === -1) return "yesterday";
  return `${-daysLeft} days ago`;
}

/** "15 December 2026 (in 16 days)": a due date with how far away it is. */
export function dueDateWithDistance(due: { closesOn: string; daysLeft: number }): string {
  return `${formatDayLong(due.closesOn)} (${dueInWords(due.daysLeft)})`;
}

/**
 * What to write beside a cycle's name: "due 15 December 2026" while it is open, since that date is
 * the teams' deadline and a cycle does not close by itself on it; once an administrator has closed
 * it, "closed 29 November 2026" on the day that happened when it is known, else just "closed".
 */
export function cycleDeadlineInWords(
  cycle: { status: string; closesOn: Date | string; closedAt: Date | string | null },
  timeZone: string,
): string {
  if (cycle.status !== "closed") return `due ${formatDayLong(cycle.closesOn)}`;
  return cycle.closedAt ? `closed ${formatMomentDayLong(cycle.closedAt, timeZone)}` : "closed";
}

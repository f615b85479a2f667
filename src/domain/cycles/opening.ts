/**
 * Opening a planned cycle ahead of its "Opens on" date is allowed (a head of engineering may start
 * the quarter early on purpose) but never by surprise: the confirmation says how early it is.
 * Pure: the caller passes today on the organisation's wall clock (see `wallClock`).
 */
import { formatDayLong } from "../format";
import { daysUntil } from "../notifications/schedule";

/** Whole days from today to the cycle's "Opens on" date; 0 on that day and after it. */
export function daysBeforeOpensOn(today: Date, opensOn: Date): number {
  return Math.max(0, daysUntil(today, opensOn));
}

/** "2027 Q1 opens 3 days before its planned date, 1 January 2027."; empty when it is not early. */
export function earlyOpeningText(cycle: { name: string; opensOn: string | Date }, daysEarly: number): string {
  if (daysEarly <= 0) return "";
  return `${cycle.name} opens ${daysEarly} ${daysEarly === 1 ? "day" : "days"} before its planned date, ${formatDayLong(cycle.opensOn)}.`;
}

/**
 * When notifications are due, and the keys that make each one unique. Pure: the scheduler passes
 * the time, so every instance reaches the same answer for the same moment.
 */
import type { NotificationKind } from "./kinds";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC calendar day of a moment, as YYYY-MM-DD. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** Whole UTC days from `now`'s day to `due`'s day: 0 on the due date, negative after it. */
export function daysUntil(now: Date, due: Date): number {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const end = Date.UTC(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate());
  return Math.round((end - start) / DAY_MS);
}

/**
 * Which reminder is due with `daysLeft` days to go, given the configured days before the due date
 * (e.g. 7 and 1): the nearest configured day not below `daysLeft`. With 5 days left that is the
 * 7-day reminder (sent late if the app was down on the day); with 1 day left the 1-day reminder.
 * Null before the first reminder and after the due date.
 */
export function reminderStage(daysLeft: number, reminderDays: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const candidates = reminderDays.filter((day) => day >= daysLeft);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** The ISO 8601 week of a moment (UTC), e.g. 2026-W48; weeks start on Monday. */
export function isoWeek(moment: Date): string {
  const day = new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * The unique key of one notification to one person: kind, person, and what it is about — a cycle's
 * due date and reminder day, a day for a reminder sent by hand, or a week for the digest.
 */
export function notificationKey(kind: NotificationKind, userId: string, about: string): string {
  return `${kind}|${userId}|${about}`;
}

import "server-only";
import { getEnv } from "@/env";
import { wallClock } from "@/domain/time-zone";

/** The organisation's time zone (`ORG_TIME_ZONE`), in which days begin and times are shown. */
export function orgTimeZone(): string {
  return getEnv().ORG_TIME_ZONE;
}

/**
 * `now` on the organisation's wall clock (see `wallClock`): what the day rules (overdue, days until
 * a due date, the current quarter) read to know which day it is. Never stored or shown as a time.
 */
export function orgWallClock(now: Date = new Date()): Date {
  return wallClock(now, orgTimeZone());
}

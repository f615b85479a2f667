/**
 * The organisation's calendar. Days (due dates, a cycle's opening and closing days) are stored as
 * UTC midnights and compared as calendar days; moments (a submission, a change) are instants. Which
 * day a moment falls on, and so what "today" is, depends on the organisation's time zone.
 *
 * The day logic elsewhere reads a moment's UTC fields. `wallClock` shifts a moment so that its UTC
 * fields read the organisation's wall clock, so that logic answers in the organisation's calendar
 * without each rule knowing about zones. A shifted moment is only ever used to find a day; it is
 * never stored or shown as a time.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** Whether `name` is a time zone this runtime knows: an IANA name such as Europe/Berlin, or UTC. */
export function isKnownTimeZone(name: string): boolean {
  try {
    partsFormat(name);
    return true;
  } catch {
    return false;
  }
}

/** How far `timeZone`'s wall clock is ahead of UTC at `moment`, in milliseconds (whole seconds). */
export function zoneOffsetMs(moment: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(moment)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  const wholeSeconds = moment.getTime() - (((moment.getTime() % 1000) + 1000) % 1000);
  return asUtc - wholeSeconds;
}

/** `moment` shifted so that its UTC fields read the wall clock in `timeZone` (see above). */
export function wallClock(moment: Date, timeZone: string): Date {
  return new Date(moment.getTime() + zoneOffsetMs(moment, timeZone));
}

/**
 * The instant a calendar day (a UTC midnight, as days are stored) begins in `timeZone`. On a day
 * whose midnight a daylight-saving change skips, the first instant of the day that exists.
 */
export function startOfDayIn(day: Date, timeZone: string): Date {
  const midnight = day.getTime();
  // The offset at the UTC midnight may differ from the one at the zone's midnight; the second
  // guess, taken at the first one, settles it.
  const guess = midnight - zoneOffsetMs(new Date(midnight), timeZone);
  const start = midnight - zoneOffsetMs(new Date(guess), timeZone);
  if (wallClock(new Date(start), timeZone).getTime() >= midnight) return new Date(start);
  // Midnight was skipped: the day begins when the clock jumps past it, still on the old offset.
  return new Date(midnight - zoneOffsetMs(new Date(start), timeZone));
}

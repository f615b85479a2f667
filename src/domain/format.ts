/**
 * How scores and dates read on pages and in exports, in one place so every screen writes them the
 * same way, with British wording. Days (due dates, a cycle's dates) are calendar days, stored as UTC
 * midnights and written as they are; moments are written on the organisation's clock
 * (`ORG_TIME_ZONE`), so every reader sees the same day and time whatever their machine's zone.
 */

import { wallClock } from "./time-zone";

const roundToOneDecimal = (score: number) => Math.round(score * 10) / 10;

/**
 * Scores carry one decimal wherever they are written, on pages, in plan texts and in exports:
 * "59.6", "60.0", never "60" beside "59.6". "–" stands for no score.
 */
export function formatScore(score: number | null): string {
  return score === null ? "–" : roundToOneDecimal(score).toFixed(1);
}

/** A share from 0 to 1 as a whole percentage: 0.456 → "46%"; "–" stands for no share. */
export function formatPercent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

const integerFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
/** A count with thousands separators: 1,250. */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

const amountFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
/** Amounts in the organisation's own currency, which the app does not know: a plain number. */
export function formatAmount(value: number): string {
  return amountFormat.format(value);
}

/** A moment, an ISO instant or an ISO day ("2026-09-15", read as UTC midnight). */
export type DateInput = Date | string;

const toDate = (value: DateInput) => (typeof value === "string" ? new Date(value) : value);

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const longDayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per style and zone: building one costs far more than using it. */
function zonedFormat(style: "dateTime" | "day" | "longDay", timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let format = zonedFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      "en-GB",
      style === "dateTime"
        ? {
            day: "numeric",
            month: "short",
            year: "numeric",
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
            timeZoneName: "short",
            timeZone,
          }
        : { day: "numeric", month: style === "day" ? "short" : "long", year: "numeric", timeZone },
    );
    zonedFormats.set(key, format);
  }
  return format;
}

/** "5 Sept 2026". */
export function formatDay(value: DateInput): string {
  return dayFormat.format(toDate(value));
}

/** "5 September 2026"; an empty string when there is no date. */
export function formatDayLong(value: DateInput | null): string {
  return value ? longDayFormat.format(toDate(value)) : "";
}

/**
 * "5 Sept 2026, 14:03 UTC", "5 Sept 2026, 16:03 CEST": a moment on the organisation's clock, with
 * the zone written out so nobody reads it as their own.
 */
export function formatDateTime(value: DateInput, timeZone: string): string {
  return zonedFormat("dateTime", timeZone).format(toDate(value));
}

/**
 * "5 Sept 2026": the day a moment (a submission, a change) fell on in the organisation's time
 * zone. Days that are days (due dates, a cycle's dates) are written with `formatDay`.
 */
export function formatMomentDay(value: DateInput, timeZone: string): string {
  return zonedFormat("day", timeZone).format(toDate(value));
}

/** "5 September 2026" for a moment, as `formatMomentDay`; an empty string when there is none. */
export function formatMomentDayLong(value: DateInput | null, timeZone: string): string {
  return value ? zonedFormat("longDay", timeZone).format(toDate(value)) : "";
}

/** "2026-09-15": a day (a UTC midnight) as forms and exports write it; a moment's UTC day. */
export function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** "2026-09-15": the day a moment fell on in the organisation's time zone, written as `isoDay`. */
export function isoMomentDay(value: DateInput, timeZone: string): string {
  return isoDay(wallClock(toDate(value), timeZone));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "15 Sep 2026" for an ISO day or instant, the same on every server whatever its locale data, so
 * exported documents do not change with the machine that wrote them. An instant is written as its
 * UTC day; use `formatExportMomentDay` for the organisation's day.
 */
export function formatExportDay(iso: string): string {
  const date = toDate(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "15 Sep 2026": the day an instant fell on in the organisation's time zone, for exports. */
export function formatExportMomentDay(iso: string, timeZone: string): string {
  return formatExportDay(wallClock(toDate(iso), timeZone).toISOString());
}

/**
 * How scores and dates read on pages and in exports, in one place so every screen writes them the
 * same way. Dates are shown in UTC with British wording, so every reader sees the same day whatever
 * their machine's time zone.
 */

const roundToOneDecimal = (score: number) => Math.round(score * 10) / 10;

/** Scores carry one decimal on pages: "59.6", "60.0"; "–" stands for no score. */
export function formatScore(score: number | null): string {
  return score === null ? "–" : roundToOneDecimal(score).toFixed(1);
}

/** Plan texts and exports write whole numbers without a trailing ".0": "12", "59.6". */
export function formatScoreCompact(score: number): string {
  const rounded = roundToOneDecimal(score);
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
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
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "5 Sept 2026". */
export function formatDay(value: DateInput): string {
  return dayFormat.format(toDate(value));
}

/** "5 September 2026"; an empty string when there is no date. */
export function formatDayLong(value: DateInput | null): string {
  return value ? longDayFormat.format(toDate(value)) : "";
}

/** "5 Sept 2026, 14:03 UTC": the zone is written out because every reader sees UTC. */
export function formatDateTime(value: DateInput): string {
  return `${dateTimeFormat.format(toDate(value))} UTC`;
}

/** "2026-09-15": the calendar day of a moment in UTC, as forms and exports write it. */
export function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "15 Sep 2026" for an ISO day or instant, the same on every server whatever its locale data, so
 * exported documents do not change with the machine that wrote them.
 */
export function formatExportDay(iso: string): string {
  const date = toDate(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

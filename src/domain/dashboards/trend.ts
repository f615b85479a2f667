/**
 * Trend arrows: how a risk score moved since the previous cycle, with the words a screen reader
 * says instead of the arrow. Scores are risk, so "up" means the pitfall got worse.
 */

export type TrendDirection = "up" | "down" | "steady";

export interface Trend {
  direction: TrendDirection;
  /** Whole score points, signed: positive means more risk than in the previous cycle. */
  change: number;
  /** The previous cycle's name, e.g. "2026 Q3". */
  since: string;
  /** Text alternative for the arrow, e.g. "up 12 since 2026 Q3". */
  text: string;
}

export const TREND_ARROWS: Record<TrendDirection, string> = { up: "↑", down: "↓", steady: "→" };

/**
 * Changes are rounded to whole points: a tenth of a point is noise on a 0-100 scale, and an arrow
 * that flips on noise would teach people to ignore arrows.
 */
export function scoreTrend(
  current: number | null,
  previous: number | null,
  since: string | null,
): Trend | null {
  if (current === null || previous === null || since === null) return null;
  return trendOfChange(Math.round(current - previous), since);
}

/** The trend for a change already rounded to whole points. */
export function trendOfChange(change: number, since: string): Trend {
  if (change === 0) return { direction: "steady", change: 0, since, text: `unchanged since ${since}` };
  const direction: TrendDirection = change > 0 ? "up" : "down";
  return { direction, change, since, text: `${direction} ${Math.abs(change)} since ${since}` };
}

/** Trend of a share (0..1), in percentage points, e.g. "up 5 points since 2026 Q3". */
export function shareTrend(
  current: number | null,
  previous: number | null,
  since: string | null,
): Trend | null {
  if (current === null || previous === null || since === null) return null;
  const change = Math.round((current - previous) * 100);
  if (change === 0) return { direction: "steady", change: 0, since, text: `unchanged since ${since}` };
  const direction: TrendDirection = change > 0 ? "up" : "down";
  const points = Math.abs(change) === 1 ? "point" : "points";
  return { direction, change, since, text: `${direction} ${Math.abs(change)} ${points} since ${since}` };
}

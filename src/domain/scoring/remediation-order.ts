/**
 * The one order of remediation steps across an assessment, used by the engine and by every view
 * that reads stored rankings back (team dashboard, plans, exports): most urgent first, where
 * urgency is the risk a countermeasure removes from each pitfall weighted by that pitfall's band,
 * so the first step always works on the worst pitfall the team has; then most risk removed; then
 * least effort; then id. Never the order of the content.
 */
import type { CountermeasureEffort } from "../content/schema";
import type { RiskBand } from "./bands";

/** How much a point of risk removed counts, by the band of the pitfall it is removed from. */
export const BAND_URGENCY: Readonly<Record<RiskBand, number>> = {
  none: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

export const EFFORT_ORDER: Readonly<Record<CountermeasureEffort, number>> = { low: 0, medium: 1, high: 2 };

export interface RemediationOrderKey {
  countermeasureId: string;
  urgency: number;
  totalRiskRemoved: number;
  effort: CountermeasureEffort;
}

/** Negative when `a` comes first. */
export function compareRemediation(a: RemediationOrderKey, b: RemediationOrderKey): number {
  if (a.urgency !== b.urgency) return b.urgency - a.urgency;
  if (a.totalRiskRemoved !== b.totalRiskRemoved) return b.totalRiskRemoved - a.totalRiskRemoved;
  const effort = EFFORT_ORDER[a.effort] - EFFORT_ORDER[b.effort];
  if (effort !== 0) return effort;
  return a.countermeasureId < b.countermeasureId ? -1 : a.countermeasureId > b.countermeasureId ? 1 : 0;
}

import { storedValueCodec } from "../stored-values";

/**
 * Risk bands: the five words a score is read as. Cut-offs are inclusive lower bounds on the
 * rounded score, so a score exactly at a cut-off belongs to the higher band.
 */

export const RISK_BANDS = ["none", "low", "medium", "high", "critical"] as const;
export type RiskBand = (typeof RISK_BANDS)[number];
/** A stored band column read back; see stored-values for why unknown bands read as null. */
export const decodeRiskBand = storedValueCodec(RISK_BANDS);

export interface BandDefinition {
  band: RiskBand;
  label: string;
  /** Inclusive lower bound on the 0-100 score. */
  from: number;
  /** Exclusive upper bound, except for the top band, which includes 100. */
  to: number;
  meaning: string;
}

export const BANDS: readonly BandDefinition[] = [
  { band: "none", label: "None", from: 0, to: 10, meaning: "No real sign of the pitfall." },
  { band: "low", label: "Low", from: 10, to: 30, meaning: "Isolated signs; keep an eye on them." },
  {
    band: "medium",
    label: "Medium",
    from: 30,
    to: 60,
    meaning: "Clear signs; plan countermeasures this quarter.",
  },
  {
    band: "high",
    label: "High",
    from: 60,
    to: 80,
    meaning: "The pitfall is established; act on it now.",
  },
  {
    band: "critical",
    label: "Critical",
    from: 80,
    to: 100,
    meaning: "The pitfall dominates; it is draining confidence in the operating model.",
  },
];

/**
 * The one word for a band wherever it appears: pages, chips, headlines, tables, CSV, Markdown and
 * PDF exports all read "None", "Low", "Medium", "High", "Critical" (never "No risk" or "Low risk").
 */
export function bandName(band: RiskBand): string {
  return BANDS.find((definition) => definition.band === band)?.label ?? band;
}

/** Maps a 0-100 score to its band. Scores outside 0-100 are a bug upstream, so they throw. */
export function bandForScore(score: number): RiskBand {
  if (!(score >= 0 && score <= 100)) {
    throw new RangeError(`A risk score must be between 0 and 100, got ${score}`);
  }
  if (score >= 80) return "critical";
  if (score >= 60) return "high";
  if (score >= 30) return "medium";
  if (score >= 10) return "low";
  return "none";
}

/** Bands from "high" upwards are the ones leadership reports count as "at high risk". */
export function isHighOrCritical(band: RiskBand | null): boolean {
  return band === "high" || band === "critical";
}

/**
 * A sequential yellow-to-dark-red palette (ColorBrewer YlOrRd): lightness falls with risk, so the
 * order survives every kind of colour blindness and greyscale printing. Text colours are chosen per
 * band for a contrast of at least 4.5:1; the band's name is always written out as well, so nothing
 * relies on colour alone.
 */
export const BAND_COLOURS: Record<RiskBand, { background: string; text: string }> = {
  none: { background: "#ffffb2", text: "#1a1a1a" },
  low: { background: "#fecc5c", text: "#1a1a1a" },
  medium: { background: "#fd8d3c", text: "#000000" },
  high: { background: "#e31a1c", text: "#ffffff" },
  critical: { background: "#800026", text: "#ffffff" },
};

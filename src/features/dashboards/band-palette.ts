import { BANDS, type RiskBand } from "@/domain/scoring/bands";

/**
 * A sequential yellow-to-dark-red palette (ColorBrewer YlOrRd): lightness falls with risk, so the
 * order survives every kind of colour blindness and greyscale printing. Text colours are chosen per
 * band for a contrast of at least 4.5:1; the score and band name are always written out as well.
 */
export const BAND_COLOURS: Record<RiskBand, { background: string; text: string }> = {
  none: { background: "#ffffb2", text: "#1a1a1a" },
  low: { background: "#fecc5c", text: "#1a1a1a" },
  medium: { background: "#fd8d3c", text: "#000000" },
  high: { background: "#e31a1c", text: "#ffffff" },
  critical: { background: "#800026", text: "#ffffff" },
};

export const BAND_LABELS: Record<RiskBand, string> = Object.fromEntries(
  BANDS.map((band) => [band.band, band.label]),
) as Record<RiskBand, string>;

export function bandLabel(band: RiskBand | null): string {
  return band === null ? "Not scored" : BAND_LABELS[band];
}

/** One decimal, as stored: a rounded 59.6 would read as 60, which is already the next band. */
export function formatScore(score: number | null): string {
  return score === null ? "–" : score.toFixed(1);
}

export function formatPercent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

const integerFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

const moneyFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
/** Amounts in the organisation's own currency, which the app does not know: a plain number. */
export function formatAmount(value: number): string {
  return moneyFormat.format(value);
}

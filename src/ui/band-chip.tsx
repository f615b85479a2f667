import { formatScore } from "@/domain/format";
import { BANDS, type RiskBand } from "@/domain/scoring/bands";

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

export const BAND_LABELS: Record<RiskBand, string> = Object.fromEntries(
  BANDS.map((band) => [band.band, band.label]),
) as Record<RiskBand, string>;

export function bandLabel(band: RiskBand | null): string {
  return band === null ? "Not scored" : BAND_LABELS[band];
}

/** "No risk", "Low risk", ... "Critical risk": the words shown with a band on its own. */
export function bandText(band: RiskBand): string {
  return band === "none" ? "No risk" : `${BAND_LABELS[band]} risk`;
}

export function bandMeaning(band: RiskBand): string {
  return BANDS.find((definition) => definition.band === band)?.meaning ?? "";
}

const sizes = { sm: "px-2 py-0.5 text-xs", md: "px-2 py-0.5 text-sm" } as const;

/**
 * A risk band on its colour. Given a `score` (even a missing one), it reads "59.6 Medium", the
 * way score tables show it; without, it names the band alone: "Medium risk". Anything unscored
 * reads "Not scored".
 */
export function BandChip({
  band,
  score,
  size = "md",
}: {
  band: RiskBand | null;
  score?: number | null;
  size?: keyof typeof sizes;
}) {
  if (band === null || score === null) {
    return (
      <span
        className={`inline-block rounded border border-dashed border-slate-400 font-semibold text-slate-700 ${sizes[size]}`}
      >
        Not scored
      </span>
    );
  }
  const colours = BAND_COLOURS[band];
  const style = { backgroundColor: colours.background, color: colours.text };
  if (score === undefined) {
    return (
      <span className={`inline-block rounded font-semibold ${sizes[size]}`} style={style}>
        {bandText(band)}
      </span>
    );
  }
  return (
    <span
      className={`inline-flex items-baseline gap-1 rounded font-semibold tabular-nums ${sizes[size]}`}
      style={style}
    >
      {formatScore(score)} <span className="font-normal">{bandLabel(band)}</span>
    </span>
  );
}

/** A 0-100 bar on the band's colour; decorative, because the score is always printed next to it. */
export function ScoreBar({ score, band }: { score: number | null; band: RiskBand | null }) {
  const width = score === null ? 0 : Math.max(0, Math.min(100, score));
  return (
    <div
      aria-hidden="true"
      className="h-3 w-full overflow-hidden rounded-full border border-slate-400 bg-white"
    >
      <div
        className={band ? "h-full" : "h-full bg-slate-300"}
        style={{ width: `${width}%`, ...(band ? { backgroundColor: BAND_COLOURS[band].background } : {}) }}
      />
    </div>
  );
}

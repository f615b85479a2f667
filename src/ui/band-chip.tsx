import { formatScore } from "@/domain/format";
import { BAND_COLOURS, BANDS, bandName, type RiskBand } from "@/domain/scoring/bands";

/** The band palette lives beside the bands, so the PDF export draws the same colours as the pages. */
export { BAND_COLOURS } from "@/domain/scoring/bands";

export const BAND_LABELS: Record<RiskBand, string> = Object.fromEntries(
  BANDS.map((band) => [band.band, band.label]),
) as Record<RiskBand, string>;

export function bandLabel(band: RiskBand | null): string {
  return band === null ? "Not scored" : BAND_LABELS[band];
}

/** A band on its own reads as everywhere else: "None", "Low", ... "Critical" (see bandName). */
export function bandText(band: RiskBand): string {
  return bandName(band);
}

export function bandMeaning(band: RiskBand): string {
  return BANDS.find((definition) => definition.band === band)?.meaning ?? "";
}

const sizes = { sm: "px-2 py-0.5 text-xs", md: "px-2 py-0.5 text-sm" } as const;

/**
 * A risk band on its colour. Given a `score` (even a missing one), it reads "59.6 Medium", the
 * way score tables show it; without, it names the band alone: "Medium". Anything unscored
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

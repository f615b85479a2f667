import type { RiskBand } from "@/domain/scoring/bands";
import { BAND_COLOURS, bandLabel, formatScore } from "./band-palette";

/** A score with its band written out, on the band's colour. */
export function BandBadge({ score, band }: { score: number | null; band: RiskBand | null }) {
  if (band === null || score === null) {
    return (
      <span className="inline-block rounded border border-slate-300 px-2 py-0.5 text-sm text-slate-700">
        Not scored
      </span>
    );
  }
  const colours = BAND_COLOURS[band];
  return (
    <span
      className="inline-flex items-baseline gap-1 rounded px-2 py-0.5 text-sm font-semibold tabular-nums"
      style={{ backgroundColor: colours.background, color: colours.text }}
    >
      {formatScore(score)} <span className="font-normal">{bandLabel(band)}</span>
    </span>
  );
}

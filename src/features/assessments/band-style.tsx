/**
 * How risk bands look. Colours step from light to dark as risk rises, so they stay in order for
 * colour-blind readers and in greyscale; every use also prints the band's name, so nothing relies
 * on colour alone.
 */
import { BANDS, type RiskBand } from "@/domain/scoring/bands";

const BAND_CLASSES: Record<RiskBand, { badge: string; bar: string }> = {
  none: { badge: "border-slate-400 bg-slate-100 text-slate-900", bar: "bg-slate-400" },
  low: { badge: "border-amber-500 bg-amber-100 text-amber-950", bar: "bg-amber-300" },
  medium: { badge: "border-amber-700 bg-amber-300 text-amber-950", bar: "bg-amber-500" },
  high: { badge: "border-orange-900 bg-orange-700 text-white", bar: "bg-orange-700" },
  critical: { badge: "border-red-950 bg-red-900 text-white", bar: "bg-red-900" },
};

export function bandLabel(band: RiskBand): string {
  return BANDS.find((definition) => definition.band === band)?.label ?? band;
}

/** "No risk", "Low risk", ... "Critical risk": the words shown with every band colour. */
export function bandText(band: RiskBand): string {
  return band === "none" ? "No risk" : `${bandLabel(band)} risk`;
}

export function bandMeaning(band: RiskBand): string {
  return BANDS.find((definition) => definition.band === band)?.meaning ?? "";
}

export function BandBadge({ band }: { band: RiskBand | null }) {
  if (!band) {
    return (
      <span className="inline-flex items-center rounded-full border border-dashed border-slate-400 px-2.5 py-0.5 text-xs font-semibold text-slate-700">
        Not scored
      </span>
    );
  }
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold ${BAND_CLASSES[band].badge}`}
    >
      {bandText(band)}
    </span>
  );
}

/** A 0-100 bar; decorative, because the score is always printed next to it. */
export function ScoreBar({ score, band }: { score: number | null; band: RiskBand | null }) {
  const width = score === null ? 0 : Math.max(0, Math.min(100, score));
  return (
    <div
      aria-hidden="true"
      className="h-3 w-full overflow-hidden rounded-full border border-slate-400 bg-white"
    >
      <div
        className={`h-full ${band ? BAND_CLASSES[band].bar : "bg-slate-300"}`}
        style={{ width: `${width}%` }}
      />
    </div>
  );
}

import type { RiskBand } from "@/domain/scoring/bands";
import { formatScore } from "@/domain/format";
import { BAND_COLOURS } from "@/ui/band-chip";

export interface PitfallScoreBar {
  name: string;
  score: number;
  band: RiskBand;
}

/**
 * A score's figure sits beside its bar's end, or on the bar when the bar nearly fills the row (a
 * high score on a narrow screen): on the band colours, from pale yellow to dark red, no one text
 * colour reads. So the figure carries its own light background, whatever lies under it.
 */
export const SCORE_LABEL_COLOURS = { background: "#ffffff", text: "#1a1a1a" } as const;

const BAND_CUT_OFFS = [10, 30, 60, 80] as const;
const AXIS_TICKS = [0, 10, 30, 60, 80, 100] as const;

/**
 * The seven scores as horizontal bars in their band colours, with band cut-offs as guide lines.
 * Plain HTML sized by percentages: it renders on the server at its final size, so it costs the
 * browser no script and never shifts the page once loaded. Hidden from assistive technology: the
 * scores table next to it carries the same figures.
 */
export function PitfallScoresChart({ bars }: { bars: PitfallScoreBar[] }) {
  return (
    <div aria-hidden="true" className="space-y-1.5 text-xs text-slate-900">
      {bars.map((bar) => (
        <div key={bar.name} className="grid items-center gap-x-3 sm:grid-cols-[13rem_1fr]">
          <span className="truncate sm:text-right" title={bar.name}>
            {bar.name}
          </span>
          <div className="relative h-6 border-l border-slate-400">
            {BAND_CUT_OFFS.map((cutOff) => (
              <span
                key={cutOff}
                className="absolute inset-y-0 border-l border-dashed border-slate-400"
                style={{ left: `${cutOff}%` }}
              />
            ))}
            <span
              className="absolute inset-y-0.5 left-0 border border-slate-700"
              style={{ width: `${bar.score}%`, backgroundColor: BAND_COLOURS[bar.band].background }}
            />
            <span
              className="absolute inset-y-0 flex items-center pl-1"
              style={{ left: `min(${bar.score}%, calc(100% - 3rem))` }}
            >
              <span
                className="rounded-sm px-1 leading-4 tabular-nums ring-1 ring-slate-400"
                style={{ backgroundColor: SCORE_LABEL_COLOURS.background, color: SCORE_LABEL_COLOURS.text }}
                data-testid="score-label"
              >
                {formatScore(bar.score)}
              </span>
            </span>
          </div>
        </div>
      ))}
      <div className="grid gap-x-3 sm:grid-cols-[13rem_1fr]">
        <span className="hidden sm:block" />
        <div className="relative h-4 text-slate-700">
          {AXIS_TICKS.map((tick) => (
            <span
              key={tick}
              // The end ticks stay inside the axis, so the chart never widens a narrow page.
              className={`absolute tabular-nums ${tick === 0 ? "" : tick === 100 ? "-translate-x-full" : "-translate-x-1/2"}`}
              style={{ left: `${tick}%` }}
            >
              {tick}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

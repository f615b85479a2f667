"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";
import type { RiskBand } from "@/domain/scoring/bands";
import { BAND_COLOURS } from "@/ui/band-chip";

export interface PitfallScoreBar {
  name: string;
  score: number;
  band: RiskBand;
}

/**
 * The seven scores as horizontal bars in their band colours, with band cut-offs as guide lines.
 * Hidden from assistive technology: the scores table next to it carries the same figures.
 */
export function PitfallScoresChart({ bars }: { bars: PitfallScoreBar[] }) {
  return (
    <div aria-hidden="true">
      <BarChart
        responsive
        layout="vertical"
        data={bars}
        style={{ width: "100%", height: Math.max(160, bars.length * 44) }}
        margin={{ top: 4, right: 40, bottom: 4, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 10, 30, 60, 80, 100]}
          tick={{ fontSize: 12, fill: "#334155" }}
        />
        <YAxis type="category" dataKey="name" width={210} tick={{ fontSize: 12, fill: "#0f172a" }} />
        {[10, 30, 60, 80].map((cutOff) => (
          <ReferenceLine key={cutOff} x={cutOff} stroke="#94a3b8" strokeDasharray="3 3" />
        ))}
        <Bar dataKey="score" isAnimationActive={false} stroke="#334155" strokeWidth={1}>
          {bars.map((bar) => (
            <Cell key={bar.name} fill={BAND_COLOURS[bar.band].background} />
          ))}
          <LabelList dataKey="score" position="right" style={{ fontSize: 12, fill: "#0f172a" }} />
        </Bar>
      </BarChart>
    </div>
  );
}

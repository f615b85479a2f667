"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { shortCycleName } from "@/domain/cycles/cycle-ref";

export interface RollupTrendSeries {
  pitfallId: string;
  name: string;
  points: { cycleName: string; averageScore: number | null; highOrCriticalPercent: number | null }[];
}

/**
 * Small multiples, one per pitfall: the share of teams at high or critical risk and the average
 * score over the quarters. Decorative for assistive technology: the figure's caption and table say
 * the same in words.
 */
export function RollupTrendCharts({ series }: { series: RollupTrendSeries[] }) {
  return (
    <div aria-hidden="true" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {series.map((pitfall) => (
        <div key={pitfall.pitfallId} className="rounded border border-slate-200 p-2">
          <p className="px-1 text-sm font-semibold text-slate-900">{pitfall.name}</p>
          <LineChart
            responsive
            style={{ width: "100%", height: 180 }}
            data={pitfall.points}
            margin={{ top: 8, right: 8, bottom: 0, left: -20 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#e2e8f0" />
            {/* Every quarter keeps its label, short ("Q3 ’26"), so the one changes are compared
                against never drops out on a narrow chart; the tooltip names it in full. The padding
                keeps the first and last labels inside the chart. */}
            <XAxis
              dataKey="cycleName"
              tick={{ fontSize: 10, fill: "#334155" }}
              tickFormatter={shortCycleName}
              interval={0}
              padding={{ left: 12, right: 12 }}
            />
            <YAxis domain={[0, 100]} ticks={[0, 50, 100]} tick={{ fontSize: 10, fill: "#334155" }} />
            <Tooltip isAnimationActive={false} wrapperStyle={{ fontSize: 12 }} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Line
              type="linear"
              dataKey="highOrCriticalPercent"
              name="% high or critical"
              stroke="#b10026"
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="averageScore"
              name="Average score"
              stroke="#1d4ed8"
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </div>
      ))}
    </div>
  );
}

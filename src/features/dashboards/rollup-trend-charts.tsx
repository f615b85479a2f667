"use client";

import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from "recharts";

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
            <XAxis dataKey="cycleName" tick={{ fontSize: 10, fill: "#334155" }} interval="preserveStartEnd" />
            <YAxis domain={[0, 100]} ticks={[0, 50, 100]} tick={{ fontSize: 10, fill: "#334155" }} />
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

"use client";

import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from "recharts";
import { SCORE_TREND_HEIGHT, type ScoreTrendChartProps } from "./score-trend-chart";

/**
 * Okabe–Ito colours, told apart by people with any common colour vision deficiency, plus a dash
 * pattern per line so the lines stay distinguishable in greyscale too. The overall line is thickest.
 */
const LINE_STYLES = [
  { stroke: "#000000", dash: undefined, width: 3 },
  { stroke: "#E69F00", dash: "6 3", width: 2 },
  { stroke: "#56B4E9", dash: "2 2", width: 2 },
  { stroke: "#009E73", dash: "8 3 2 3", width: 2 },
  { stroke: "#D55E00", dash: "4 4", width: 2 },
  { stroke: "#0072B2", dash: "10 4", width: 2 },
  { stroke: "#CC79A7", dash: "2 5", width: 2 },
  { stroke: "#7a6a00", dash: "12 3 3 3", width: 2 },
] as const;

/** Scores over the cycles; hidden from assistive technology, which gets the caption and the table. */
export default function ScoreTrendLines({ points, series }: ScoreTrendChartProps) {
  return (
    <div aria-hidden="true">
      <LineChart
        responsive
        data={points}
        style={{ width: "100%", height: SCORE_TREND_HEIGHT }}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="cycleName" tick={{ fontSize: 12, fill: "#334155" }} />
        <YAxis domain={[0, 100]} ticks={[0, 10, 30, 60, 80, 100]} tick={{ fontSize: 12, fill: "#334155" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((line, index) => {
          const style = LINE_STYLES[index % LINE_STYLES.length]!;
          return (
            <Line
              key={line.key}
              type="linear"
              dataKey={line.key}
              name={line.name}
              stroke={style.stroke}
              strokeWidth={style.width}
              strokeDasharray={style.dash}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          );
        })}
      </LineChart>
    </div>
  );
}

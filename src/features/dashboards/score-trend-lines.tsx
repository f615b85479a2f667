"use client";

import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { SCORE_TREND_HEIGHT, type lineStyle, type ScoreTrendChartProps } from "./score-trend-chart";

interface DrawnLine {
  key: string;
  name: string;
  style: ReturnType<typeof lineStyle>;
}

/**
 * Scores over the cycles; hidden from assistive technology, which gets the caption and the table.
 * The key is the picker above the chart, with each line's colour and dash.
 */
export default function ScoreTrendLines({
  points,
  lines,
}: {
  points: ScoreTrendChartProps["points"];
  lines: DrawnLine[];
}) {
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
        <YAxis
          domain={[0, 100]}
          ticks={[0, 10, 30, 60, 80, 100]}
          width={36}
          tick={{ fontSize: 12, fill: "#334155" }}
        />
        {lines.map((line) => (
          <Line
            key={line.key}
            type="linear"
            dataKey={line.key}
            name={line.name}
            stroke={line.style.stroke}
            strokeWidth={line.style.width}
            strokeDasharray={line.style.dash}
            dot={{ r: line.style.width > 2 ? 4 : 3 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}

"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { shortCycleName } from "@/domain/cycles/cycle-ref";

export interface RollupTrendSeries {
  pitfallId: string;
  name: string;
  points: { cycleName: string; averageScore: number | null; highOrCriticalPercent: number | null }[];
}

/**
 * The open cycle's point while not every team has submitted: its figures cover only the teams so
 * far, so it is drawn apart (a hollow point on a dotted line) and labelled with how many.
 */
export interface ProvisionalPoint {
  cycleName: string;
  /** e.g. "8 of 24 teams so far", for the tooltip. */
  coverage: string;
  /** e.g. "8 of 24 so far": the mark on the chart, where room is short. */
  label: string;
}

const SHARE = { stroke: "#b10026", name: "% high or critical" } as const;
const AVERAGE = { stroke: "#1d4ed8", name: "Average score" } as const;

interface ChartRow {
  cycleName: string;
  /** Complete cycles only: the solid (share) and dashed (average) lines. */
  share: number | null;
  average: number | null;
  /** The provisional point and the complete one before it: the dotted lines to it. */
  shareSoFar: number | null;
  averageSoFar: number | null;
  provisional: boolean;
  /** The figures as they are, for the tooltip. */
  shareShown: number | null;
  averageShown: number | null;
}

function lastKnownBefore(
  points: RollupTrendSeries["points"],
  index: number,
  field: "highOrCriticalPercent" | "averageScore",
): number {
  for (let before = index - 1; before >= 0; before--) if (points[before]![field] !== null) return before;
  return -1;
}

/** The chart's rows: the provisional point moved off the complete lines onto dotted ones of its own. */
export function chartRows(
  points: RollupTrendSeries["points"],
  provisional: ProvisionalPoint | null,
): ChartRow[] {
  const at = provisional ? points.findIndex((point) => point.cycleName === provisional.cycleName) : -1;
  const shareFrom = at < 0 ? -1 : lastKnownBefore(points, at, "highOrCriticalPercent");
  const averageFrom = at < 0 ? -1 : lastKnownBefore(points, at, "averageScore");
  return points.map((point, index) => ({
    cycleName: point.cycleName,
    share: index === at ? null : point.highOrCriticalPercent,
    average: index === at ? null : point.averageScore,
    shareSoFar: index === at || index === shareFrom ? point.highOrCriticalPercent : null,
    averageSoFar: index === at || index === averageFrom ? point.averageScore : null,
    provisional: index === at,
    shareShown: point.highOrCriticalPercent,
    averageShown: point.averageScore,
  }));
}

/** A hollow point for the provisional cycle; none on the complete point the dotted line starts from. */
function provisionalDot(stroke: string) {
  function ProvisionalDot(props: { cx?: number; cy?: number; index?: number; payload?: ChartRow }) {
    const { cx, cy, index, payload } = props;
    if (!payload?.provisional || cx === undefined || cy === undefined) return <g key={`empty-${index}`} />;
    return (
      <circle
        key={`so-far-${index}`}
        className="provisional-point"
        cx={cx}
        cy={cy}
        r={3.5}
        fill="#ffffff"
        stroke={stroke}
        strokeWidth={2}
      />
    );
  }
  return ProvisionalDot;
}

function TrendTooltip({
  active,
  row,
  provisional,
}: {
  active: boolean;
  row: ChartRow | undefined;
  provisional: ProvisionalPoint | null;
}) {
  if (!active || !row) return null;
  return (
    // Narrow enough to stay inside a small chart, whose box would cut it off.
    <div className="max-w-40 rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900 shadow">
      <p className="font-semibold">
        {row.cycleName}
        {row.provisional && provisional ? `, provisional: ${provisional.coverage}` : ""}
      </p>
      <p style={{ color: SHARE.stroke }}>
        {SHARE.name}: {row.shareShown === null ? "–" : `${row.shareShown}%`}
      </p>
      <p style={{ color: AVERAGE.stroke }}>
        {AVERAGE.name}: {row.averageShown === null ? "–" : row.averageShown.toFixed(1)}
      </p>
    </div>
  );
}

/**
 * Small multiples, one per pitfall: the share of teams at high or critical risk and the average
 * score over the quarters. The open cycle's point, while it counts only part of the teams, is
 * hollow on a dotted line and marked with how many teams it counts so far, so a share of 2 teams
 * of 8 is not read as a quarter's figure. Decorative for assistive technology: the figure's caption
 * and table say the same in words, the provisional point included.
 */
export function RollupTrendCharts({
  series,
  provisional = null,
}: {
  series: RollupTrendSeries[];
  provisional?: ProvisionalPoint | null;
}) {
  return (
    <div aria-hidden="true" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {series.map((pitfall) => (
        <div key={pitfall.pitfallId} className="rounded border border-slate-200 p-2">
          <p className="px-1 text-sm font-semibold text-slate-900">{pitfall.name}</p>
          <LineChart
            responsive
            style={{ width: "100%", height: 180 }}
            data={chartRows(pitfall.points, provisional)}
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
            {provisional && (
              <ReferenceLine
                x={provisional.cycleName}
                stroke="#94a3b8"
                strokeDasharray="2 2"
                label={{
                  value: provisional.label,
                  position: "insideTopRight",
                  fontSize: 10,
                  fill: "#334155",
                }}
              />
            )}
            <Tooltip
              isAnimationActive={false}
              content={({ active, payload }) => (
                <TrendTooltip
                  active={active}
                  row={payload?.[0]?.payload as ChartRow | undefined}
                  provisional={provisional}
                />
              )}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Line
              type="linear"
              dataKey="share"
              name={SHARE.name}
              stroke={SHARE.stroke}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="average"
              name={AVERAGE.name}
              stroke={AVERAGE.stroke}
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
            {provisional && (
              <Line
                type="linear"
                dataKey="shareSoFar"
                name={`${SHARE.name}, so far`}
                stroke={SHARE.stroke}
                strokeWidth={1.5}
                strokeDasharray="1 3"
                dot={provisionalDot(SHARE.stroke)}
                activeDot={false}
                legendType="none"
                connectNulls
                isAnimationActive={false}
              />
            )}
            {provisional && (
              <Line
                type="linear"
                dataKey="averageSoFar"
                name={`${AVERAGE.name}, so far`}
                stroke={AVERAGE.stroke}
                strokeWidth={1.5}
                strokeDasharray="1 3"
                dot={provisionalDot(AVERAGE.stroke)}
                activeDot={false}
                legendType="none"
                connectNulls
                isAnimationActive={false}
              />
            )}
          </LineChart>
        </div>
      ))}
    </div>
  );
}

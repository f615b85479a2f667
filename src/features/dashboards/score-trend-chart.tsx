"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";

export interface ScoreTrendSeries {
  key: string;
  name: string;
}

export interface ScoreTrendChartProps {
  points: Record<string, string | number | null>[];
  /** The average first (always drawn, thickest), then the pitfalls the reader may add. */
  series: ScoreTrendSeries[];
  /** Pitfall series drawn at first: the team's riskiest, so the chart opens on what matters. */
  initiallyShown: string[];
}

/** The chart's height, reserved before the chart loads so nothing below it moves. */
export const SCORE_TREND_HEIGHT = 300;

/**
 * Okabe–Ito colours, told apart by people with any common colour vision deficiency, plus a dash
 * pattern per line so the lines stay distinguishable in greyscale too. The average is black and
 * thickest. A series keeps its style whichever others are shown.
 */
export const LINE_STYLES = [
  { stroke: "#000000", dash: undefined, width: 4 },
  { stroke: "#E69F00", dash: "6 3", width: 2 },
  { stroke: "#56B4E9", dash: "2 2", width: 2 },
  { stroke: "#009E73", dash: "8 3 2 3", width: 2 },
  { stroke: "#D55E00", dash: "4 4", width: 2 },
  { stroke: "#0072B2", dash: "10 4", width: 2 },
  { stroke: "#CC79A7", dash: "2 5", width: 2 },
  { stroke: "#7a6a00", dash: "12 3 3 3", width: 2 },
] as const;

export function lineStyle(index: number) {
  return LINE_STYLES[index % LINE_STYLES.length]!;
}

function LineSwatch({ index }: { index: number }) {
  const style = lineStyle(index);
  return (
    <svg aria-hidden="true" width="28" height="10" className="shrink-0">
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        stroke={style.stroke}
        strokeWidth={style.width}
        strokeDasharray={style.dash}
      />
    </svg>
  );
}

// The charting library is the largest script on the team dashboard: it loads only when the chart
// comes near the screen, so it does not hold up the first view of the page.
const ScoreTrendLines = dynamic(() => import("./score-trend-lines"), { ssr: false });

/**
 * Scores over the cycles: the average always, and the pitfalls the reader picks (eight lines at
 * once cannot be read). Drawn once the reader scrolls close; the space is kept meanwhile.
 */
export function ScoreTrendChart({ points, series, initiallyShown }: ScoreTrendChartProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [shown, setShown] = useState(() => new Set(initiallyShown));
  useEffect(() => {
    const element = placeholder.current;
    if (!element || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  const [average, ...pitfalls] = series;
  const toggle = (key: string, on: boolean) =>
    setShown((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const drawn = series.flatMap((line, index) =>
    index === 0 || shown.has(line.key) ? [{ ...line, style: lineStyle(index) }] : [],
  );
  return (
    <div className="space-y-2">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Lines on the chart</legend>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {average && (
            <li className="inline-flex items-center gap-2 py-1">
              <LineSwatch index={0} />
              {average.name} (always shown)
            </li>
          )}
          {pitfalls.map((line, position) => (
            <li key={line.key}>
              <label className="inline-flex cursor-pointer items-center gap-2 py-1">
                <input
                  type="checkbox"
                  className="h-4 w-4"
                  checked={shown.has(line.key)}
                  onChange={(event) => toggle(line.key, event.target.checked)}
                />
                <LineSwatch index={position + 1} />
                {line.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div ref={placeholder} style={{ minHeight: SCORE_TREND_HEIGHT }}>
        {near && <ScoreTrendLines points={points} lines={drawn} />}
      </div>
    </div>
  );
}

"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";

export interface ScoreTrendSeries {
  key: string;
  name: string;
}

export interface ScoreTrendChartProps {
  points: Record<string, string | number | null>[];
  series: ScoreTrendSeries[];
}

/** The chart's height, reserved before the chart loads so nothing below it moves. */
export const SCORE_TREND_HEIGHT = 340;

// The charting library is the largest script on the team dashboard: it loads only when the chart
// comes near the screen, so it does not hold up the first view of the page.
const ScoreTrendLines = dynamic(() => import("./score-trend-lines"), { ssr: false });

/** Scores over the cycles, drawn once the reader scrolls close to them; the space is kept meanwhile. */
export function ScoreTrendChart(props: ScoreTrendChartProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
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
  return (
    <div ref={placeholder} style={{ minHeight: SCORE_TREND_HEIGHT }}>
      {near && <ScoreTrendLines {...props} />}
    </div>
  );
}

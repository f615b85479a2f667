import { TREND_ARROWS, type Trend } from "@/domain/dashboards/trend";

/** The arrow for sighted readers, the sentence for everyone else ("up 12 since 2026 Q3"). */
export function TrendArrow({ trend, showText = false }: { trend: Trend | null; showText?: boolean }) {
  if (!trend) return showText ? <span className="text-slate-600">no earlier result</span> : null;
  return (
    <span className="whitespace-nowrap">
      <span aria-hidden="true">{TREND_ARROWS[trend.direction]}</span>
      {showText ? <span> {trend.text}</span> : <span className="sr-only">{trend.text}</span>}
    </span>
  );
}

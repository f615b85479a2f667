import { TREND_ARROWS, type Trend } from "@/domain/dashboards/trend";

/** The arrow for sighted readers, the sentence for everyone else ("up 12 since 2026 Q3"). */
export function TrendArrow({ trend, showText = false }: { trend: Trend | null; showText?: boolean }) {
  if (!trend) return showText ? <span className="text-slate-600">no earlier result</span> : null;
  // With its sentence it may wrap on a phone, where a stacked table gives it half the width.
  return (
    <span className={showText ? "sm:whitespace-nowrap" : "whitespace-nowrap"}>
      <span aria-hidden="true">{TREND_ARROWS[trend.direction]}</span>
      {showText ? <span> {trend.text}</span> : <span className="sr-only">{trend.text}</span>}
    </span>
  );
}

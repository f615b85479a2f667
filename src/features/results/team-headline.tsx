/**
 * A team's headline as every page shows it: the worst pitfall's band (chip with its name, so it
 * reads without colour), how many pitfalls are High or Critical, the worst pitfall, and the average
 * as a secondary figure. Wraps on narrow screens.
 */
import {
  highOrCriticalPhrase,
  NO_PITFALL_SHOWS_SYMPTOMS,
  worstLabel,
  type HeadlineView,
} from "@/domain/results/headline";
import { BandChip } from "@/ui/band-chip";

function oneDecimal(score: number): string {
  return score.toFixed(1);
}

/**
 * "worst: Excessive BAU 89.7" (or "worst with symptoms" below the worst band, when nothing was found
 * at it; ", suspected" after the score when every sign of it is a "don't know"), plus others at the
 * same band; empty when no pitfall shows symptoms.
 */
export function worstPhrase(headline: HeadlineView): string {
  if (headline.worstScore === null || headline.worstPitfallNames.length === 0) return "";
  const others = headline.worstPitfallNames.length - 1;
  const label = worstLabel(headline);
  return `${label}: ${headline.worstPitfallNames[0]} ${oneDecimal(headline.worstScore)}${
    headline.worstSuspected ? ", suspected" : ""
  }${others > 0 ? ` and ${others} more at the same band` : ""}`;
}

export function TeamHeadlineSummary({
  headline,
  size = "large",
}: {
  headline: HeadlineView;
  /** "large" on result and dashboard pages, "compact" in tables and plan headings. */
  size?: "large" | "compact";
}) {
  if (headline.worstBand === null || headline.averageScore === null) {
    return (
      <p className="flex flex-wrap items-center gap-2" data-testid="team-headline">
        <BandChip band={null} />
        <span className="text-sm text-slate-700">No pitfall had enough answers to score.</span>
      </p>
    );
  }
  const large = size === "large";
  const worst = worstPhrase(headline);
  return (
    <p
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 ${large ? "text-lg" : "text-sm"}`}
      data-testid="team-headline"
    >
      <BandChip band={headline.worstBand} />
      <span className={large ? "font-semibold text-slate-900" : "font-medium text-slate-900"}>
        {worst === "" ? NO_PITFALL_SHOWS_SYMPTOMS : highOrCriticalPhrase(headline.highOrCriticalCount)}
      </span>
      {/* One run of text with the average, the separator held to the word before it (a no-break
          space), so a narrow screen wraps after the separator and never starts a line with it. */}
      <span className="text-slate-800">
        {worst === "" ? "" : `(${worst})`}
        <span className={`text-slate-700 ${large ? "text-base" : ""}`}>
          {"\u00a0"}
          <span aria-hidden="true">·</span> average {oneDecimal(headline.averageScore)}
          {headline.unscoredCount > 0 ? ` over ${headline.scoredCount} scored pitfalls` : ""}
        </span>
      </span>
    </p>
  );
}

/**
 * Said where a pitfall's score stopped below its average because every risk behind it is a
 * "don't know": the average is shown, and why it is not the score, so nothing is hidden. The score
 * stops at the top of High, or at the top of Medium while less than half of the evidence is answered.
 */
import { bandForScore, bandName } from "@/domain/scoring/bands";

export function DontKnowCeilingNote({ average, score }: { average: number; score: number }) {
  const averageBand = bandName(bandForScore(average));
  const scoreBand = bandName(bandForScore(score));
  const why =
    bandForScore(score) === "medium"
      ? "not knowing most of what shows this pitfall is a reason to find out, not a sign that it is established"
      : "not knowing can show a pitfall is worth looking into, not that it dominates";
  return (
    <p
      role="note"
      className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-slate-900"
      data-testid="dont-know-ceiling"
    >
      Every risk behind this score is a &ldquo;don&apos;t know&rdquo;. Their average, {average.toFixed(1)},
      would be {averageBand}, but {why}: the score stops at {score.toFixed(1)}, the top of {scoreBand}.
      Finding out is the first step.
    </p>
  );
}

/**
 * Said where a pitfall's score stopped at the top of High because every risk behind it is a
 * "don't know": the average is shown, and why it is not the score, so nothing is hidden.
 */
export function DontKnowCeilingNote({ average, score }: { average: number; score: number }) {
  return (
    <p
      role="note"
      className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-slate-900"
      data-testid="dont-know-ceiling"
    >
      Every risk behind this score is a &ldquo;don&apos;t know&rdquo;. Their average, {average.toFixed(1)},
      would be Critical, but not knowing can show a pitfall is worth looking into, not that it dominates: the
      score stops at {score.toFixed(1)}, the top of High. Finding out is the first step.
    </p>
  );
}

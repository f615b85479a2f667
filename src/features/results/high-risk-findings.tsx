/**
 * The high-risk findings behind a pitfall's score, as the result page and "why this score" show
 * them: each finding in words with the band it holds the pitfall at, and, when a finding lifted the
 * score, the average of the answers beside it, so the lift is never hidden.
 */
export interface HighRiskFindingView {
  explanation: string;
  floor: string;
}

export function HighRiskFindingsList({
  findings,
  averageScore,
  score,
}: {
  findings: readonly HighRiskFindingView[];
  /** The answers' average when a finding lifted the score above it; otherwise null. */
  averageScore: number | null;
  score: number | null;
}) {
  return (
    <>
      <ul className="mt-1 space-y-1 text-sm">
        {findings.map((finding) => (
          <li key={finding.explanation}>
            {finding.explanation}{" "}
            <span className="font-medium">This holds the pitfall at {finding.floor} or above.</span>
          </li>
        ))}
      </ul>
      {averageScore !== null && score !== null ? (
        <p className="mt-1 text-sm text-slate-700" data-testid="average-below-floor">
          The answers alone average {averageScore.toFixed(1)}; the finding sets the score at{" "}
          {score.toFixed(1)}.
        </p>
      ) : null}
    </>
  );
}

export function highRiskFindingsTitle(count: number): string {
  return count === 1 ? "High-risk finding" : "High-risk findings";
}

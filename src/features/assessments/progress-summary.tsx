import { progressParts, type AssessmentProgress } from "@/domain/assessments/progress";

/**
 * What the team still has to do, counted by domain/assessments/progress: the same words on the
 * questionnaire and the review page. The bar fills with answered and confirmed questions.
 */
export function ProgressSummary({
  progress,
  idPrefix,
}: {
  progress: AssessmentProgress;
  /** Keeps the ids unique when the summary appears twice on a page. */
  idPrefix: string;
}) {
  const labelId = `${idPrefix}-label`;
  const textId = `${idPrefix}-text`;
  const [first, ...rest] = progressParts(progress);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p id={labelId} className="text-sm font-semibold text-slate-900">
        Progress
      </p>
      <progress
        aria-labelledby={labelId}
        aria-describedby={textId}
        max={progress.total}
        value={progress.answered}
        className={`mt-2 h-3 w-full appearance-none overflow-hidden rounded-full border border-slate-400 bg-slate-100 [&::-moz-progress-bar]:bg-blue-700 [&::-webkit-progress-bar]:bg-slate-100 [&::-webkit-progress-value]:bg-blue-700`}
      />
      <p id={textId} data-testid="progress-text" className="mt-1 text-sm text-slate-700">
        <span>{first}</span>
        {rest.map((part) => (
          <span key={part}>
            {" · "}
            <span
              className={
                part.includes("required") ? "font-semibold text-red-800" : "font-semibold text-amber-900"
              }
            >
              {part}
            </span>
          </span>
        ))}
      </p>
    </div>
  );
}

import { useId } from "react";
import { bandForScore } from "@/domain/scoring/bands";
import type { PulseResultView, TeamPulseView } from "@/contracts/pulse/views";
import { BandChip } from "@/ui/band-chip";

function people(count: number): string {
  return count === 1 ? "1 person" : `${count} people`;
}

/** "3 people answered the 2026 Q4 pulse." */
export function participantsSentence(pulse: Pick<TeamPulseView, "participants" | "cycleName">): string {
  return pulse.participants === 0
    ? `Nobody has answered the ${pulse.cycleName} pulse yet.`
    : `${people(pulse.participants)} answered the ${pulse.cycleName} pulse.`;
}

/**
 * A team's anonymous pulse: per question, how many people chose each answer and the average risk
 * of their answers, or, below the threshold, only that there are not enough answers yet. Renders on
 * the server; it has counts only, never who answered what.
 */
export function PulseSummary({ pulse, headingLevel = 3 }: { pulse: TeamPulseView; headingLevel?: 3 | 4 }) {
  if (pulse.questions.length === 0) return null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {participantsSentence(pulse)} A question&apos;s counts appear once at least {pulse.threshold} people
        answered it. Nobody, admins included, can see who answered what.
      </p>
      <ul className="grid gap-4 lg:grid-cols-2">
        {pulse.questions.map((question) => (
          <li key={question.questionId}>
            <PulseQuestionResult
              question={question}
              threshold={pulse.threshold}
              headingLevel={headingLevel}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function PulseQuestionResult({
  question,
  threshold,
  headingLevel,
}: {
  question: PulseResultView;
  threshold: number;
  headingLevel: 3 | 4;
}) {
  const headingId = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <article aria-labelledby={headingId} className="h-full space-y-3 rounded-md border border-slate-200 p-4">
      <div className="space-y-0.5">
        <Heading id={headingId} className="font-semibold text-slate-900">
          {question.evidenceLabel}
        </Heading>
        <p className="text-xs text-slate-600">{question.pitfallName}</p>
      </div>
      {question.shown ? (
        <>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-800">
            <span>{people(question.respondents)} answered.</span>
            <span className="inline-flex items-center gap-1">
              Average risk:{" "}
              <BandChip
                band={bandForScore(question.averageRisk * 100)}
                score={question.averageRisk * 100}
                size="sm"
              />
            </span>
          </p>
          <ul className="space-y-2" aria-label={`Answers to: ${question.evidenceLabel}`}>
            {question.counts.map((count) => (
              <li key={count.option} className="space-y-1 text-sm">
                <div className="flex items-baseline justify-between gap-3">
                  <span className="min-w-0 text-slate-800">{count.label}</span>
                  <span className="shrink-0 tabular-nums text-slate-900">
                    {count.count} of {question.respondents}
                  </span>
                </div>
                <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-slate-100">
                  <div
                    className="h-full rounded-full bg-blue-700"
                    style={{ width: `${(count.count / question.respondents) * 100}%` }}
                  />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm text-slate-700">Not enough answers to show yet (fewer than {threshold}).</p>
      )}
    </article>
  );
}

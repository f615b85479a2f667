import { useId } from "react";
import { bandForScore } from "@/domain/scoring/bands";
import type { PulseResultView, TeamPulseView } from "@/contracts/pulse/views";
import { BandChip } from "@/ui/band-chip";

type ShownPulseResult = Extract<PulseResultView, { shown: true }>;

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
 * A team's anonymous pulse: per question with enough answers, how many people chose each answer
 * and the average risk of their answers; the questions below the threshold are listed together,
 * with only that there are not enough answers yet. Renders on the server; it has counts only,
 * never who answered what.
 */
export function PulseSummary({ pulse, headingLevel = 3 }: { pulse: TeamPulseView; headingLevel?: 3 | 4 }) {
  const waitingId = useId();
  if (pulse.questions.length === 0) return null;
  const shown = pulse.questions.filter((question): question is ShownPulseResult => question.shown);
  const waiting = pulse.questions.filter((question) => !question.shown);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {participantsSentence(pulse)} A question&apos;s counts appear once at least {pulse.threshold} people
        answered it. Nobody, admins included, can see who answered what.
      </p>
      {shown.length > 0 && (
        <ul className="grid gap-4 lg:grid-cols-2">
          {shown.map((question) => (
            <li key={question.questionId}>
              <PulseQuestionResult question={question} headingLevel={headingLevel} />
            </li>
          ))}
        </ul>
      )}
      {waiting.length > 0 && (
        <section aria-labelledby={waitingId} className="space-y-2 rounded-md border border-slate-200 p-4">
          <Heading id={waitingId} className="font-semibold text-slate-900">
            Not enough answers to show yet
          </Heading>
          <p className="text-sm text-slate-700">
            {waiting.length === 1 ? "This question has" : `These ${waiting.length} questions have`} fewer than{" "}
            {pulse.threshold} answers, so their counts stay hidden:
          </p>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
            {waiting.map((question) => (
              <li key={question.questionId}>
                {question.evidenceLabel} <span className="text-slate-600">({question.pitfallName})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One question with enough answers: its counts per option and the average risk. */
function PulseQuestionResult({
  question,
  headingLevel,
}: {
  question: ShownPulseResult;
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
    </article>
  );
}

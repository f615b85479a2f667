import type { ReactNode } from "react";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { Link } from "@/ui/link";
import { HighRiskFindingsList, highRiskFindingsTitle } from "@/features/results/high-risk-findings";
import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { BandChip, bandMeaning, bandText, ScoreBar } from "@/ui/band-chip";
import { formatMomentDayLong, formatPercent, formatScore } from "@/domain/format";
import { CONFIDENCE_MEANING } from "@/domain/results/confidence-words";
import { questionnairePath, teamPath } from "@/contracts/assessments/paths";
import { ReopenAssessmentForm } from "./reopen-assessment-form";
import { reopeningSentence } from "./reopened-notice";
import { QuarterChanges } from "./quarter-changes";
import { Disagreements } from "../responses/disagreements";
import { PulseSummary } from "../pulse/pulse-summary";
import type { TeamPulseView } from "@/contracts/pulse/views";
import { AddToPlanButton } from "@/features/plans/add-to-plan-button";
import { DontKnowCeilingNote } from "@/features/results/dont-know-ceiling-note";
import { teamPlanPath } from "@/contracts/plans/paths";
import type { AssessmentResultView, PitfallResultView } from "@/contracts/assessments/types";
import { possessive } from "@/domain/text/possessive";

export function ResultPage({
  result,
  pulse = null,
}: {
  result: AssessmentResultView;
  /** The team's anonymous pulse that quarter, counts only; null when nobody answered it. */
  pulse?: TeamPulseView | null;
}) {
  const { team, cycle, assessment, overall } = result;
  return (
    <div className="space-y-8">
      <Breadcrumbs
        crumbs={[{ label: team.name, href: teamPath(team.slug) }, { label: `${cycle.name} result` }]}
      />
      <PageHeader
        title={`${team.name}: ${cycle.name} result`}
        description={`Submitted ${formatMomentDayLong(assessment.submittedAt, result.timeZone)}${
          assessment.submittedByName ? ` by ${assessment.submittedByName}` : ""
        }.`}
      />

      {assessment.status === "reopened" && cycle.status === "open" ? (
        <div
          className="rounded-md border border-purple-300 bg-purple-50 px-4 py-3 text-purple-950"
          data-testid="reopened-notice"
        >
          {assessment.reopening ? (
            <p className="font-semibold">{reopeningSentence(assessment.reopening, result.timeZone)}</p>
          ) : null}
          <p>
            This assessment is reopened for changes. The results below are the ones last submitted; they are
            replaced when the team submits again.
          </p>
          <Link href={questionnairePath(team.slug)} className="mt-1 inline-block underline">
            Go to the questionnaire
          </Link>
        </div>
      ) : assessment.status === "reopened" ? (
        // The cycle closed before the team submitted again: nothing can replace these results now.
        <div
          className="rounded-md border border-purple-300 bg-purple-50 px-4 py-3 text-purple-950"
          data-testid="reopened-notice"
        >
          {assessment.reopening ? (
            <p className="font-semibold">{reopeningSentence(assessment.reopening, result.timeZone)}</p>
          ) : null}
          <p>
            This assessment was reopened and not submitted again before {cycle.name} closed. The results below
            are the ones last submitted, and they are {possessive(cycle.name)} results.
          </p>
        </div>
      ) : null}

      <SectionCard id="overall-heading" title="Headline">
        <div className="mt-3">
          <TeamHeadlineSummary headline={overall.headline} />
        </div>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">
          {overall.headline.worstBand ? `Worst pitfall: ${bandMeaning(overall.headline.worstBand)} ` : ""}
          The headline is the band of the worst pitfall and how many pitfalls are High or Critical, so one
          pitfall in trouble is never averaged away. The average of the scored pitfalls
          {overall.score === null ? "" : ` (${formatScore(overall.score)} out of 100)`} is shown for
          comparison only; higher means more risk.{" "}
          <Link href="/playbook/scoring" className="text-blue-800 underline">
            How scores are calculated
          </Link>
        </p>
      </SectionCard>

      <SectionCard
        id="first-steps-heading"
        title="What to do first"
        description="The remediation steps that remove most risk across the pitfalls, most urgent first."
      >
        {result.findOutFirst ? (
          <div
            role="note"
            aria-label="Find out first"
            className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm"
            data-testid="find-out-first"
          >
            <p>
              <span className="font-semibold">Find out first.</span> Every point of{" "}
              {result.findOutFirst.pitfallName}, the pitfall the headline names, comes from &ldquo;don&apos;t
              know&rdquo; answers: start by finding out how things stand. The steps below are what would help
              if the answers confirm the risk.
            </p>
            {result.findOutFirst.questions.length > 0 ? (
              <ul className="mt-1 list-disc pl-5">
                {result.findOutFirst.questions.map((question) => (
                  <li key={question}>{question}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {result.topSteps.length === 0 ? (
          <p className="text-slate-700">No pitfall shows risk, so there is no remediation step to take.</p>
        ) : (
          <ol className="space-y-3" data-testid="top-steps">
            {result.topSteps.map((step, index) => (
              <li
                key={step.countermeasureId}
                className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-slate-200 p-3"
              >
                {/* A basis wider than a phone's line leaves, so the button wraps below the step
                    there instead of squeezing its words into a column one word wide. */}
                <div className="min-w-0 flex-[1_1_16rem] text-sm">
                  <p className="font-semibold text-slate-900">
                    {index + 1}. {step.action}
                  </p>
                  <p className="text-slate-700">So that {step.rationale}</p>
                  <p className="text-slate-600">
                    Removes {formatScore(step.riskRemoved)} risk points ({step.pitfallNames.join(", ")})
                  </p>
                </div>
                <AddToPlanButton
                  teamSlug={team.slug}
                  countermeasureId={step.countermeasureId}
                  action={step.action}
                  canEdit={result.canEditPlan}
                  planItemId={step.planItemId}
                  planItemStatus={step.planItemStatus}
                />
              </li>
            ))}
          </ol>
        )}
        <p className="text-sm">
          <Link href={teamPlanPath(team.slug)} className="text-blue-800 underline hover:text-blue-950">
            Open {possessive(team.name)} remediation plan
          </Link>
        </p>
      </SectionCard>

      {result.changes ? <QuarterChanges changes={result.changes} /> : null}

      <Disagreements
        disagreements={result.disagreements}
        respondents={result.individualRespondents}
        hiddenWhileReopened={result.disagreementsHiddenWhileReopened}
        reopened={assessment.status === "reopened"}
      />

      {pulse && (
        <SectionCard id="pulse-heading" title={`Anonymous pulse, ${pulse.cycleName}`}>
          <PulseSummary pulse={pulse} />
        </SectionCard>
      )}

      <SectionCard id="pitfalls-heading" title="The seven pitfalls" plain>
        <ol className="space-y-4" data-testid="pitfall-results">
          {result.pitfalls.map((pitfall) => (
            <li key={pitfall.pitfallId}>
              <PitfallResultCard pitfall={pitfall} />
            </li>
          ))}
        </ol>
      </SectionCard>

      {result.canReopen ? (
        <SectionCard id="reopen-heading" title="Reopen for changes">
          <p className="max-w-3xl text-slate-700">
            Reopening lets the team change answers and submit again; the new submission replaces these
            results.
          </p>
          <ReopenAssessmentForm assessmentId={assessment.id} cycleName={cycle.name} />
        </SectionCard>
      ) : result.reopenBlockedReason ? (
        <p className="text-sm text-slate-700">{result.reopenBlockedReason}</p>
      ) : null}
    </div>
  );
}

/** One part of a pitfall's result card under its small heading. */
function ResultDetail({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h4 className="text-sm font-semibold text-slate-900">{title}</h4>
      {children}
    </div>
  );
}

function SymptomList({ symptoms }: { symptoms: PitfallResultView["symptoms"] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-2 text-sm">
      {symptoms.map((symptom) => (
        <li key={symptom.id}>
          <Link
            href={symptom.href}
            className="inline-block rounded-md border border-slate-300 px-2 py-1 text-blue-800 underline hover:bg-slate-50"
          >
            {symptom.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function PitfallResultCard({ pitfall }: { pitfall: PitfallResultView }) {
  const headingId = `result-${pitfall.pitfallId}`;
  const seen = pitfall.symptoms.filter((symptom) => !symptom.suspected);
  const suspected = pitfall.symptoms.filter((symptom) => symptom.suspected);
  return (
    <article
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h3 id={headingId} className="text-lg font-semibold">
          <Link href={pitfall.playbookHref} className="text-slate-900 underline-offset-2 hover:underline">
            {pitfall.name}
          </Link>
        </h3>
        <div className="flex items-center gap-3">
          <p className="text-lg font-semibold tabular-nums" data-testid="pitfall-score">
            {pitfall.status === "scored" ? (
              <>
                {formatScore(pitfall.score)}
                <span className="text-sm font-normal text-slate-600"> / 100</span>
              </>
            ) : (
              <span className="text-sm font-normal text-slate-700">No score</span>
            )}
          </p>
          <BandChip band={pitfall.band} />
        </div>
      </div>
      <ScoreBar score={pitfall.score} band={pitfall.band} />
      {pitfall.status === "scored" ? (
        <p className="text-sm text-slate-700">
          Confidence {formatPercent(pitfall.confidence)}: {CONFIDENCE_MEANING}.
          {pitfall.band ? ` ${bandText(pitfall.band)}: ${bandMeaning(pitfall.band)}` : ""}
        </p>
      ) : (
        <p className="text-sm text-slate-700">
          {pitfall.status === "not-assessed"
            ? "Not assessed: every question was marked not applicable."
            : "Not enough evidence to score: no question of this pitfall was answered with a value."}
        </p>
      )}

      {pitfall.findings.length > 0 ? (
        <div
          role="note"
          aria-label="High-risk findings"
          className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-sm"
        >
          <h4 className="font-semibold text-slate-900">{highRiskFindingsTitle(pitfall.findings.length)}</h4>
          <HighRiskFindingsList
            findings={pitfall.findings}
            averageScore={pitfall.averageScore}
            score={pitfall.score}
          />
        </div>
      ) : null}

      {pitfall.ceilingAverage !== null && pitfall.score !== null ? (
        <DontKnowCeilingNote average={pitfall.ceilingAverage} score={pitfall.score} />
      ) : null}

      {pitfall.contradictions.length > 0 ? (
        <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm">
          <p>
            Answered &ldquo;not applicable&rdquo; although the team context says these apply, so they count as
            &ldquo;don&apos;t know&rdquo;:
          </p>
          <ul className="mt-1 list-disc pl-5">
            {pitfall.contradictions.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {pitfall.contributions.length > 0 ? (
        <ResultDetail title="Why this score">
          <ul className="mt-2 space-y-2 text-sm">
            {pitfall.contributions.map((contribution, index) => (
              <li
                key={index}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-l-4 border-slate-300 pl-3"
              >
                <span className="min-w-0 flex-[1_1_14rem]">
                  {contribution.label}
                  {contribution.answer ? (
                    <span className="text-slate-700"> — answered &ldquo;{contribution.answer}&rdquo;</span>
                  ) : null}
                  {contribution.signOnItsOwn ? null : (
                    <span className="text-slate-700"> (not a sign of the pitfall on its own)</span>
                  )}
                </span>
                <span className="shrink-0 font-medium tabular-nums">
                  {formatPercent(contribution.share)} of the score
                </span>
              </li>
            ))}
          </ul>
        </ResultDetail>
      ) : null}

      {seen.length > 0 ? (
        <ResultDetail title="Symptoms seen">
          <SymptomList symptoms={seen} />
        </ResultDetail>
      ) : null}

      {suspected.length > 0 ? (
        <ResultDetail title="Symptoms suspected">
          <p className="text-sm text-slate-700">
            Every answer behind these is &ldquo;don&apos;t know&rdquo;: find out whether they are there.
          </p>
          <SymptomList symptoms={suspected} />
        </ResultDetail>
      ) : null}

      {pitfall.nextSteps.length > 0 ? (
        <ResultDetail title="Next steps">
          <ol className="mt-2 list-decimal space-y-2 pl-5 text-sm">
            {pitfall.nextSteps.map((step) => (
              <li key={step.countermeasureId}>
                <span className="font-medium">{step.action}</span>
                <span className="text-slate-700">, so that {step.rationale}</span>
                <span className="text-slate-600">
                  {" "}
                  (addresses {formatScore(step.riskRemoved)} points of this score)
                </span>
              </li>
            ))}
          </ol>
        </ResultDetail>
      ) : null}
    </article>
  );
}

import { SectionCard } from "@/ui/section-card";
import { evidenceSentence } from "@/domain/results/confidence-words";
import { HighRiskFindingsList, highRiskFindingsTitle } from "@/features/results/high-risk-findings";
import { DontKnowCeilingNote } from "@/features/results/dont-know-ceiling-note";
import { percentileSentence, shownPercentile } from "@/domain/dashboards/team-dashboard";
import { percentileBasis } from "@/domain/dashboards/coverage";
import type { PitfallExplanationView } from "@/contracts/dashboards/views";
import { formatPercent, formatScore } from "@/domain/format";
import { TrendArrow } from "./trend-arrow";
import { CountermeasureLink, SymptomLinks } from "./playbook-links";
import { TextLink } from "@/ui/text-link";
import { PulseSummary } from "@/features/pulse/pulse-summary";
import { CyclePickerForm } from "./cycle-select";
import { PitfallScore } from "./pitfall-score";
import { DataTable, type Column } from "@/ui/table";
import { MethodChangeNote } from "@/features/shared/method-change-note";

type Contribution = PitfallExplanationView["contributions"][number];

const contributionsCaption = "Answers and team context checks behind the score, largest share first";

/** How an answer on the healthy side of its scale, or in its middle, is marked. */
const NOT_A_SIGN = "Not a sign of the pitfall on its own";

const contributionColumns: Column<Contribution>[] = [
  {
    key: "evidence",
    header: "Question or check",
    rowHeader: true,
    // Room to read a question on a phone, where the table then scrolls to its figures.
    className: "min-w-48 font-normal",
    cell: (item) =>
      item.kind === "answer" ? (
        item.prompt
      ) : (
        <>
          <span className="font-medium">Team context check:</span> {item.explanation}
        </>
      ),
  },
  {
    key: "answer",
    header: "The team's answer",
    cell: (item) =>
      item.kind === "answer" ? (
        <>
          {item.answer}
          {item.signOnItsOwn ? null : <span className="block text-sm text-slate-700">{NOT_A_SIGN}</span>}
        </>
      ) : (
        "Applies to the team's context"
      ),
  },
  {
    key: "share",
    header: "Share of the score",
    className: "tabular-nums",
    cell: (item) => formatPercent(item.share),
  },
  {
    key: "points",
    header: "Score points",
    className: "tabular-nums",
    cell: (item) => formatScore(item.points),
  },
];

export function PitfallExplanationPage({ view }: { view: PitfallExplanationView }) {
  const { team, pitfall, cycle, evidence } = view;
  const shown = shownPercentile(view.percentile, view.scoredTeams);
  const dashboardHref = `/team/${team.slug}/dashboard?cycle=${cycle.key}`;
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-slate-700">
          <li>
            <TextLink href={dashboardHref}>{team.name} dashboard</TextLink>
            <span aria-hidden="true"> /</span>
          </li>
          <li aria-current="page">{pitfall.name}</li>
        </ol>
      </nav>

      <header className="space-y-2">
        <p className="text-sm font-medium text-slate-700">
          {team.name} · {cycle.name}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Why this score: {pitfall.name}</h1>
        <p className="max-w-3xl text-slate-800">{pitfall.summary}</p>
        {view.cycles.length > 1 && (
          <CyclePickerForm
            action={`/team/${team.slug}/dashboard/${pitfall.id}`}
            cycles={view.cycles}
            current={cycle.key}
            className="pt-2"
          />
        )}
      </header>

      <MethodChangeNote change={view.methodChange} />

      <section aria-labelledby="result-heading" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="result-heading" className="sr-only">
          Result
        </h2>
        <dl className="grid gap-4 sm:grid-cols-4">
          <div>
            <dt className="text-sm font-medium text-slate-700">Score</dt>
            <dd className="mt-1">
              <PitfallScore score={view.score} band={view.band} status={view.status} />
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-700">Change</dt>
            <dd className="mt-1">
              <TrendArrow trend={view.trend} showText />
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-700">Confidence</dt>
            <dd className="mt-1 tabular-nums">
              {view.score === null ? "–" : formatPercent(view.confidence)}
              {evidence && <span className="block text-sm text-slate-700">{evidenceSentence(evidence)}</span>}
              {view.splitQuestions > 0 && (
                <span className="block text-sm text-slate-700">
                  <span aria-hidden="true">≠ </span>
                  The team&apos;s own answers were split on {view.splitQuestions}{" "}
                  {view.splitQuestions === 1 ? "question" : "questions"}:{" "}
                  <TextLink href={view.resultHref}>see where the team disagreed</TextLink>
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-700">Percentile</dt>
            <dd className="mt-1">
              {shown === null ? "–" : <span className="font-semibold tabular-nums">{Math.round(shown)}</span>}
              <span className="block text-sm text-slate-700">
                {view.percentile === null
                  ? ""
                  : shown === null
                    ? percentileSentence(view.percentile, view.scoredTeams)
                    : `${percentileSentence(view.percentile, view.scoredTeams)}; ${percentileBasis(view.scoredTeams, view.cycle.status === "open")}.`}
              </span>
            </dd>
          </div>
        </dl>
      </section>

      {view.findings.length > 0 ? (
        <section
          aria-labelledby="findings-heading"
          className="space-y-2 rounded-lg border border-slate-300 border-l-4 border-l-red-700 bg-white p-4"
        >
          <h2 id="findings-heading" className="text-xl font-semibold">
            {highRiskFindingsTitle(view.findings.length)}
          </h2>
          <HighRiskFindingsList
            findings={view.findings}
            averageScore={view.averageScore}
            score={view.score}
          />
        </section>
      ) : null}

      {view.ceilingAverage !== null && view.score !== null ? (
        <DontKnowCeilingNote average={view.ceilingAverage} score={view.score} />
      ) : null}

      <SectionCard id="contributions-heading" title="What drove the score">
        <p className="text-sm text-slate-700">
          Answers with no risk at all add nothing to the score and are not listed. An answer on the healthy
          side of its scale still adds a little, as only the healthiest answer carries no risk
          (&ldquo;Agree&rdquo; that a good practice is in place is a quarter of the way to the risky end), and
          &ldquo;Neither agree nor disagree&rdquo; sits in the middle: such answers are marked &ldquo;
          {NOT_A_SIGN.toLowerCase()}&rdquo;. They trigger no symptom or cause, and no next step is offered for
          them. The shares add up to the whole score.
        </p>
        {view.contributions.length === 0 ? (
          <p className="text-slate-700">
            No answer pointed at this pitfall: every piece of evidence looked healthy.
          </p>
        ) : (
          <DataTable
            stackOnPhones
            caption={contributionsCaption}
            captionHidden
            regionLabel={contributionsCaption}
            columns={contributionColumns}
            rows={view.contributions}
            rowKey={(item) => (item.kind === "answer" ? item.questionId : item.ruleId)}
            empty={null}
          />
        )}
      </SectionCard>

      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard id="explanation-symptoms-heading" title="Symptoms found">
          {view.triggeredSymptoms.length === 0 ? (
            <p className="mt-2 text-slate-700">None of this pitfall&apos;s symptoms was triggered.</p>
          ) : (
            <SymptomLinks pitfallId={pitfall.id} symptoms={view.triggeredSymptoms} className="mt-2" />
          )}
          {view.triggeredCauses.length > 0 && (
            <>
              <h3 className="mt-4 font-semibold">Likely causes</h3>
              <ul className="mt-1 list-disc space-y-1 pl-6 text-slate-800">
                {view.triggeredCauses.map((cause) => (
                  <li key={cause.causeId}>
                    {cause.text}
                    {cause.suspected ? (
                      <span className="text-sm text-slate-700">
                        {" "}
                        (suspected: every answer behind it is &ldquo;don&apos;t know&rdquo;)
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </SectionCard>

        <SectionCard id="explanation-countermeasures-heading" title="Countermeasures that would help">
          {view.countermeasures.length === 0 ? (
            <p className="mt-2 text-slate-700">No countermeasure would lower this score.</p>
          ) : (
            <ol className="mt-2 list-decimal space-y-2 pl-6">
              {view.countermeasures.map((countermeasure) => (
                <li key={countermeasure.countermeasureId}>
                  <CountermeasureLink
                    pitfallId={pitfall.id}
                    countermeasureId={countermeasure.countermeasureId}
                    action={countermeasure.action}
                  />
                  <p className="text-sm text-slate-800">
                    So that {countermeasure.rationale}. About {formatScore(countermeasure.riskRemoved)} points
                    of this score.
                  </p>
                </li>
              ))}
            </ol>
          )}
        </SectionCard>
      </div>

      {view.pulse && (
        <SectionCard
          id="explanation-pulse-heading"
          title="What the people concerned say: the anonymous pulse"
        >
          <PulseSummary pulse={view.pulse} />
        </SectionCard>
      )}
    </div>
  );
}

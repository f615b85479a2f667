import type { ReactNode } from "react";
import { SectionCard } from "@/ui/section-card";
import { percentileSentence, shownPercentile } from "@/domain/dashboards/team-dashboard";
import { percentilesBasis } from "@/domain/dashboards/coverage";
import type { TeamDashboardView } from "@/contracts/dashboards/views";
import { bandLabel } from "@/ui/band-chip";
import { highOrCriticalPhrase } from "@/domain/results/headline";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { formatPercent, formatScore } from "@/domain/format";
import { EmptyState } from "@/ui/empty-state";
import { PitfallScoresChart, type PitfallScoreBar } from "./pitfall-scores-chart";
import { ScoreTrendChart, type ScoreTrendSeries } from "./score-trend-chart";
import { TrendArrow } from "./trend-arrow";
import { CountermeasureLink, SymptomLinks } from "./playbook-links";
import { TextLink } from "@/ui/text-link";
import { PulseSummary } from "@/features/pulse/pulse-summary";
import { CyclePickerForm } from "./cycle-select";
import { PitfallScore } from "./pitfall-score";
import { TrendTableDisclosure } from "./trend-table";
import { DataTable, type Column } from "@/ui/table";
import { MethodChangeNote } from "@/features/shared/method-change-note";
import { AddToPlanButton } from "@/features/plans/add-to-plan-button";
import { teamPlanPath } from "@/contracts/plans/paths";
import { possessive } from "@/domain/text/possessive";

function headlineWords(point: TeamDashboardView["history"][number]): string {
  if (point.headline.band === null) return "not scored";
  return `${bandLabel(point.headline.band)} with ${highOrCriticalPhrase(point.headline.highOrCriticalCount)}`;
}

function trendCaption(view: TeamDashboardView): string {
  const known = view.history.filter((point) => point.overall !== null);
  if (known.length === 0) return "No score yet.";
  if (known.length === 1)
    return `Headline ${headlineWords(known[0]!)} in ${known[0]!.cycleName}, average ${formatScore(known[0]!.overall)}; trends appear after a second submitted cycle.`;
  const first = known[0]!;
  const last = known.at(-1)!;
  const direction =
    last.overall! > first.overall! ? "rose" : last.overall! < first.overall! ? "fell" : "stayed";
  return `Headline ${headlineWords(last)} in ${last.cycleName}, against ${headlineWords(first)} in ${first.cycleName}. The average of the pitfalls, the thick line, ${direction} from ${formatScore(first.overall)} to ${formatScore(last.overall)} over ${known.length} submitted cycles. The table below lists the headline and every pitfall's score per cycle.`;
}

function scoresTableCaption(teamName: string, cycleName: string): string {
  return `${teamName}: score, band, change, confidence and percentile per pitfall for ${cycleName}`;
}

/** One figure of the summary row above the charts. */
function SummaryCard({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-4">
      <p className="text-sm font-medium text-slate-700">{label}</p>
      {children}
    </div>
  );
}

type PitfallRow = TeamDashboardView["pitfalls"][number];

function splitPhrase(questions: number): string {
  return `Team split on ${questions} ${questions === 1 ? "question" : "questions"}`;
}
type HistoryRow = TeamDashboardView["history"][number];

function scoreColumns(teamSlug: string, cycleSearch: string, percentileOf: string): Column<PitfallRow>[] {
  return [
    {
      key: "pitfall",
      header: "Pitfall",
      rowHeader: true,
      className: "min-w-36",
      cell: (pitfall) => (
        <>
          <TextLink href={`/team/${teamSlug}/dashboard/${pitfall.pitfallId}${cycleSearch}`}>
            {pitfall.name}
            <span className="sr-only">: why this score</span>
          </TextLink>
          {pitfall.splitQuestions > 0 && (
            <span className="block text-sm font-normal text-slate-700">
              <span aria-hidden="true">≠ </span>
              {splitPhrase(pitfall.splitQuestions)}
            </span>
          )}
        </>
      ),
    },
    {
      key: "score",
      header: "Score and band",
      cell: (pitfall) => <PitfallScore score={pitfall.score} band={pitfall.band} status={pitfall.status} />,
    },
    { key: "change", header: "Change", cell: (pitfall) => <TrendArrow trend={pitfall.trend} showText /> },
    {
      key: "confidence",
      header: "Confidence",
      className: "tabular-nums",
      cell: (pitfall) => (pitfall.score === null ? "–" : formatPercent(pitfall.confidence)),
    },
    {
      key: "percentile",
      // On a phone the table scrolls sideways; without a width of its own this column, the last
      // to be laid out, got what was left: its sentence a word a line.
      className: "min-w-44",
      header: (
        <>
          Percentile <span className="block text-xs font-normal">{percentileOf}</span>
        </>
      ),
      cell: (pitfall) => {
        const shown = shownPercentile(pitfall.percentile, pitfall.scoredTeams);
        if (pitfall.percentile === null) return "–";
        return (
          <>
            <span className="font-semibold tabular-nums">{shown === null ? "–" : Math.round(shown)}</span>
            <span className="text-slate-700">
              {" "}
              · {percentileSentence(pitfall.percentile, pitfall.scoredTeams)}
            </span>
          </>
        );
      },
    },
  ];
}

function trendColumns(view: TeamDashboardView): Column<HistoryRow>[] {
  return [
    { key: "cycle", header: "Cycle", rowHeader: true, cell: (point) => point.cycleName },
    {
      key: "headline",
      header: "Headline",
      cell: (point) =>
        point.headline.band === null
          ? "Not scored"
          : `${bandLabel(point.headline.band)} (${point.headline.highOrCriticalCount} High or Critical)`,
    },
    {
      key: "overall",
      header: "Average",
      className: "tabular-nums",
      cell: (point) => formatScore(point.overall),
    },
    ...view.pitfalls.map((pitfall): Column<HistoryRow> => ({
      key: pitfall.pitfallId,
      header: pitfall.name,
      className: "tabular-nums",
      cell: (point) => formatScore(point.scores[pitfall.pitfallId] ?? null),
    })),
  ];
}

/** Why a reopened assessment's figures still show, and until when. */
function ReopenedNote({ cycle }: { cycle: NonNullable<TeamDashboardView["cycle"]> }) {
  return (
    <div
      role="note"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <p className="font-semibold">Reopened: being revised</p>
      <p>
        {cycle.status === "open"
          ? `The ${cycle.name} assessment was reopened. These are the results last submitted; they are replaced when the team submits again.`
          : `The ${cycle.name} assessment was reopened and not submitted again before the cycle closed. These are the results last submitted.`}
      </p>
    </div>
  );
}

export function TeamDashboardPage({ view }: { view: TeamDashboardView }) {
  const { team, cycle } = view;
  const cycleSearch = cycle ? `?cycle=${cycle.key}` : "";
  const bars: PitfallScoreBar[] = view.pitfalls.flatMap((pitfall) =>
    pitfall.score !== null && pitfall.band !== null
      ? [{ name: pitfall.name, score: pitfall.score, band: pitfall.band }]
      : [],
  );
  const series: ScoreTrendSeries[] = [
    { key: "overall", name: "Average" },
    ...view.pitfalls.map((pitfall) => ({ key: pitfall.pitfallId, name: pitfall.name })),
  ];
  const points = view.history.map((point) => ({
    cycleName: point.cycleName,
    overall: point.overall,
    ...Object.fromEntries(
      Object.entries(point.scores).map(([pitfallId, score]) => [pitfallId, score ?? null]),
    ),
  }));
  // The chart opens on the average and the two riskiest pitfalls; the reader adds others.
  const riskiestPitfalls = view.pitfalls
    .filter((pitfall) => pitfall.score !== null && pitfall.score > 0)
    .sort((a, b) => b.score! - a.score!)
    .slice(0, 2)
    .map((pitfall) => pitfall.pitfallId);
  const symptoms = view.pitfalls.filter((pitfall) => pitfall.triggeredSymptoms.length > 0);

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-slate-700">{team.orgUnitName}</p>
          <h1 className="text-3xl font-bold tracking-tight">{team.name}: dashboard</h1>
          {cycle && (
            <p className="mt-1 text-slate-700">
              Submitted assessment for {cycle.name}
              {view.previousCycle ? `, compared with ${view.previousCycle.name}` : ""}.
            </p>
          )}
        </div>
        {view.cycles.length > 1 && cycle ? (
          <CyclePickerForm action={`/team/${team.slug}/dashboard`} cycles={view.cycles} current={cycle.key} />
        ) : null}
      </header>

      {!cycle ? (
        <EmptyState title="No submitted assessment yet">
          Scores, trends and remediation steps appear here once the team submits its first quarterly
          assessment.
        </EmptyState>
      ) : (
        <>
          {view.reopened && <ReopenedNote cycle={cycle} />}
          <MethodChangeNote change={view.methodChange} historyNote={view.historyMethodNote} />
          <section aria-labelledby="summary-heading" className="grid gap-4 sm:grid-cols-3">
            <h2 id="summary-heading" className="sr-only">
              Summary
            </h2>
            <SummaryCard label="Headline">
              <div className="mt-2">
                {view.overall.headline ? (
                  <TeamHeadlineSummary headline={view.overall.headline} size="compact" />
                ) : null}
              </div>
              <p className="mt-2 text-sm text-slate-800">
                <TrendArrow trend={view.overall.trend} showText />
              </p>
            </SummaryCard>
            <SummaryCard label="Confidence">
              <p className="mt-2 text-2xl font-bold tabular-nums">{formatPercent(view.confidence)}</p>
              <p className="mt-1 text-sm text-slate-800">
                The share of the evidence that was answered, counting a &ldquo;don&apos;t know&rdquo; that is
                itself a sign of the pitfall, averaged over the scored pitfalls.
              </p>
            </SummaryCard>
            <SummaryCard label="Compared with">
              <p className="mt-2 text-2xl font-bold tabular-nums">{view.comparedTeams} teams</p>
              <p className="mt-1 text-sm text-slate-800">
                submitted for {cycle.name}
                {cycle.status === "open" ? " so far" : ""}, this one included. Each pitfall&apos;s percentile
                compares with those of them scored on that pitfall.
                {cycle.status === "open" &&
                  " The cycle is open, so the percentiles are provisional until it closes."}
              </p>
            </SummaryCard>
          </section>

          <SectionCard id="scores-heading" title="Scores by pitfall">
            <figure className="space-y-2">
              <PitfallScoresChart bars={bars} />
              <figcaption className="text-sm text-slate-700">
                Risk score per pitfall (0 to 100) for {cycle.name}, coloured by band; dashed lines mark the
                band cut-offs at 10, 30, 60 and 80. The same figures are in the table below.
              </figcaption>
            </figure>
            <DataTable
              stackOnPhones
              caption={scoresTableCaption(team.name, cycle.name)}
              captionHidden
              regionLabel={scoresTableCaption(team.name, cycle.name)}
              columns={scoreColumns(team.slug, cycleSearch, percentilesBasis(cycle.status === "open"))}
              rows={view.pitfalls}
              rowKey={(pitfall) => pitfall.pitfallId}
              empty={null}
            />
            <p className="text-sm text-slate-700">
              A percentile is the share of the organisation&apos;s other teams scored on that pitfall for{" "}
              {cycle.name} with a lower risk score, ties counted half: 80 means the team is riskier than 80%
              of them, 20 that it is less risky than 80%. Teams with the pitfall not assessed, or without
              enough answers to score it, are not compared. Select a pitfall to see the answers behind its
              score.
            </p>
          </SectionCard>

          <SectionCard id="trend-heading" title="Trend over cycles">
            <figure className="space-y-2">
              <ScoreTrendChart points={points} series={series} initiallyShown={riskiestPitfalls} />
              <figcaption className="text-sm text-slate-800">{trendCaption(view)}</figcaption>
            </figure>
            <TrendTableDisclosure
              caption={`${team.name}: risk score per pitfall and cycle`}
              columns={trendColumns(view)}
              rows={view.history}
              rowKey={(point) => point.cycleKey}
            />
          </SectionCard>

          <div className="grid gap-4 lg:grid-cols-2">
            <SectionCard id="symptoms-heading" title="Triggered symptoms">
              {symptoms.length === 0 ? (
                <p className="mt-2 text-slate-700">
                  No symptom was triggered this cycle in a pitfall with risk. Pitfalls in band None show none.
                </p>
              ) : (
                <ul className="mt-2 space-y-3">
                  {symptoms.map((pitfall) => (
                    <li key={pitfall.pitfallId}>
                      <p className="font-medium">{pitfall.name}</p>
                      <SymptomLinks
                        pitfallId={pitfall.pitfallId}
                        symptoms={pitfall.triggeredSymptoms}
                        className="mt-1"
                      />
                    </li>
                  ))}
                </ul>
              )}
            </SectionCard>

            <SectionCard id="remediation-heading" title="Top remediation steps">
              {view.findOutFirst ? (
                <p className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm">
                  <span className="font-semibold">Find out first.</span> Every point of{" "}
                  {view.findOutFirst.pitfallName} comes from &ldquo;don&apos;t know&rdquo; answers: start by
                  finding out how things stand. The steps below are what would help if the answers confirm the
                  risk.
                </p>
              ) : null}
              {view.remediation.length === 0 ? (
                <p className="mt-2 text-slate-700">
                  No countermeasure would lower the score of a pitfall with risk this cycle.
                </p>
              ) : (
                <ol className="mt-2 list-decimal space-y-3 pl-6">
                  {view.remediation.map((step) => (
                    <li key={step.countermeasureId}>
                      <CountermeasureLink
                        pitfallId={step.pitfallId}
                        countermeasureId={step.countermeasureId}
                        action={step.action}
                      />
                      <p className="text-sm text-slate-800">So that {step.rationale}.</p>
                      <p className="text-sm text-slate-700">
                        Helps with {step.pitfallNames.join(" and ")}: it addresses answers worth about{" "}
                        {formatScore(step.totalRiskRemoved)} score points.
                      </p>
                      {/* People who only read the plan get the one link below the list. */}
                      {(view.canEditPlan || step.planItemId) && (
                        <div className="mt-1">
                          <AddToPlanButton
                            teamSlug={team.slug}
                            countermeasureId={step.countermeasureId}
                            action={step.action}
                            canEdit={view.canEditPlan}
                            planItemId={step.planItemId}
                            planItemStatus={step.planItemStatus}
                          />
                        </div>
                      )}
                    </li>
                  ))}
                </ol>
              )}
              <p className="mt-3 text-sm">
                <TextLink href={teamPlanPath(team.slug)}>
                  Open {possessive(team.name)} remediation plan
                </TextLink>
              </p>
            </SectionCard>
          </div>

          {view.pulse && (
            <SectionCard id="pulse-heading" title={`Anonymous pulse, ${view.pulse.cycleName}`}>
              <PulseSummary pulse={view.pulse} />
            </SectionCard>
          )}
        </>
      )}
    </div>
  );
}

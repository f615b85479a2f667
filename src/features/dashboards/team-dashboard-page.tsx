import Link from "next/link";
import { percentileSentence } from "@/domain/dashboards/team-dashboard";
import type { TeamDashboardView } from "@/server/dashboards/team-dashboard";
import { BandChip, bandLabel, formatScore } from "@/ui/band-chip";
import { highOrCriticalPhrase } from "@/domain/results/headline";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { formatPercent } from "./band-palette";
import { EmptyState } from "@/ui/empty-state";
import { PitfallScoresChart, type PitfallScoreBar } from "./pitfall-scores-chart";
import { ScoreTrendChart, type ScoreTrendSeries } from "./score-trend-chart";
import { TrendArrow } from "./trend-arrow";
import { MethodChangeNote } from "@/features/shared/method-change-note";

const headClass = "px-3 py-2 text-left font-semibold";
const cellClass = "border-t border-slate-200 px-3 py-2";
const linkClass = "text-blue-800 underline underline-offset-2 hover:text-blue-950";

function CycleForm({ view }: { view: TeamDashboardView }) {
  if (view.cycles.length < 2 || !view.cycle) return null;
  return (
    <form
      method="get"
      action={`/team/${view.team.slug}/dashboard`}
      className="flex flex-wrap items-end gap-3"
    >
      <div>
        <label htmlFor="team-cycle" className="text-sm font-medium text-slate-800">
          Cycle
        </label>
        <select
          id="team-cycle"
          name="cycle"
          defaultValue={view.cycle.key}
          className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
        >
          {view.cycles.map((cycle) => (
            <option key={cycle.key} value={cycle.key}>
              {cycle.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50"
      >
        Show
      </button>
    </form>
  );
}

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
        <CycleForm view={view} />
      </header>

      {!cycle ? (
        <EmptyState title="No submitted assessment yet">
          Scores, trends and remediation steps appear here once the team submits its first quarterly
          assessment.
        </EmptyState>
      ) : (
        <>
          <MethodChangeNote change={view.methodChange} historyNote={view.historyMethodNote} />
          <section aria-labelledby="summary-heading" className="grid gap-4 sm:grid-cols-3">
            <h2 id="summary-heading" className="sr-only">
              Summary
            </h2>
            <div className="rounded-lg border border-slate-300 bg-white p-4">
              <p className="text-sm font-medium text-slate-700">Headline</p>
              <div className="mt-2">
                {view.overall.headline ? (
                  <TeamHeadlineSummary headline={view.overall.headline} size="compact" />
                ) : null}
              </div>
              <p className="mt-2 text-sm text-slate-800">
                <TrendArrow trend={view.overall.trend} showText />
              </p>
            </div>
            <div className="rounded-lg border border-slate-300 bg-white p-4">
              <p className="text-sm font-medium text-slate-700">Confidence</p>
              <p className="mt-2 text-2xl font-bold tabular-nums">{formatPercent(view.confidence)}</p>
              <p className="mt-1 text-sm text-slate-800">
                Share of the applicable questions answered with a value, averaged over the scored pitfalls.
              </p>
            </div>
            <div className="rounded-lg border border-slate-300 bg-white p-4">
              <p className="text-sm font-medium text-slate-700">Compared with</p>
              <p className="mt-2 text-2xl font-bold tabular-nums">{view.comparedTeams} teams</p>
              <p className="mt-1 text-sm text-slate-800">
                submitted for {cycle.name}, this one included: the teams the percentiles below compare with.
              </p>
            </div>
          </section>

          <section
            aria-labelledby="scores-heading"
            className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
          >
            <h2 id="scores-heading" className="text-xl font-semibold">
              Scores by pitfall
            </h2>
            <figure className="space-y-2">
              <PitfallScoresChart bars={bars} />
              <figcaption className="text-sm text-slate-700">
                Risk score per pitfall (0 to 100) for {cycle.name}, coloured by band; dashed lines mark the
                band cut-offs at 10, 30, 60 and 80. The same figures are in the table below.
              </figcaption>
            </figure>
            <div
              role="region"
              aria-labelledby="scores-table-caption"
              tabIndex={0}
              className="overflow-x-auto"
            >
              <table className="min-w-full text-sm">
                <caption id="scores-table-caption" className="sr-only">
                  {`${team.name}: score, band, change, confidence and percentile per pitfall for ${cycle.name}`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={headClass}>
                      Pitfall
                    </th>
                    <th scope="col" className={headClass}>
                      Score and band
                    </th>
                    <th scope="col" className={headClass}>
                      Change
                    </th>
                    <th scope="col" className={headClass}>
                      Confidence
                    </th>
                    <th scope="col" className={headClass}>
                      Percentile
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.pitfalls.map((pitfall) => (
                    <tr key={pitfall.pitfallId}>
                      <th scope="row" className={`${cellClass} text-left font-medium`}>
                        <Link
                          href={`/team/${team.slug}/dashboard/${pitfall.pitfallId}${cycleSearch}`}
                          className={linkClass}
                        >
                          {pitfall.name}
                          <span className="sr-only">: why this score</span>
                        </Link>
                      </th>
                      <td className={cellClass}>
                        {pitfall.score === null ? (
                          <span className="text-slate-700">
                            {pitfall.status === "not-assessed"
                              ? "Not assessed"
                              : "Not enough answers to score"}
                          </span>
                        ) : (
                          <BandChip score={pitfall.score} band={pitfall.band} />
                        )}
                      </td>
                      <td className={cellClass}>
                        <TrendArrow trend={pitfall.trend} showText />
                      </td>
                      <td className={`${cellClass} tabular-nums`}>
                        {pitfall.score === null ? "–" : formatPercent(pitfall.confidence)}
                      </td>
                      <td className={cellClass}>
                        {pitfall.percentile === null ? (
                          "–"
                        ) : (
                          <>
                            <span className="font-semibold tabular-nums">
                              {Math.round(pitfall.percentile)}
                            </span>
                            <span className="text-slate-700">
                              {" "}
                              · {percentileSentence(pitfall.percentile)}
                            </span>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="text-sm text-slate-700">
              A percentile is the share of the organisation&apos;s other teams that submitted for {cycle.name}{" "}
              with a lower risk score on that pitfall, ties counted half: 80 means the team is riskier than
              80% of them, 20 that it is less risky than 80%. Select a pitfall to see the answers behind its
              score.
            </p>
          </section>

          <section
            aria-labelledby="trend-heading"
            className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
          >
            <h2 id="trend-heading" className="text-xl font-semibold">
              Trend over cycles
            </h2>
            <figure className="space-y-2">
              <ScoreTrendChart points={points} series={series} />
              <figcaption className="text-sm text-slate-800">{trendCaption(view)}</figcaption>
            </figure>
            <details className="text-sm">
              <summary className="cursor-pointer font-medium text-blue-800 underline underline-offset-2">
                The trend as a table
              </summary>
              <div role="region" aria-label="Trend table" tabIndex={0} className="mt-2 overflow-x-auto">
                <table className="min-w-full">
                  <caption className="sr-only">{`${team.name}: risk score per pitfall and cycle`}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className={headClass}>
                        Cycle
                      </th>
                      <th scope="col" className={headClass}>
                        Headline
                      </th>
                      <th scope="col" className={headClass}>
                        Average
                      </th>
                      {view.pitfalls.map((pitfall) => (
                        <th key={pitfall.pitfallId} scope="col" className={headClass}>
                          {pitfall.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {view.history.map((point) => (
                      <tr key={point.cycleKey}>
                        <th scope="row" className={`${cellClass} text-left font-medium`}>
                          {point.cycleName}
                        </th>
                        <td className={cellClass}>
                          {point.headline.band === null
                            ? "Not scored"
                            : `${bandLabel(point.headline.band)} (${point.headline.highOrCriticalCount} High or Critical)`}
                        </td>
                        <td className={`${cellClass} tabular-nums`}>{formatScore(point.overall)}</td>
                        {view.pitfalls.map((pitfall) => (
                          <td key={pitfall.pitfallId} className={`${cellClass} tabular-nums`}>
                            {formatScore(point.scores[pitfall.pitfallId] ?? null)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>

          <div className="grid gap-4 lg:grid-cols-2">
            <section
              aria-labelledby="symptoms-heading"
              className="rounded-lg border border-slate-300 bg-white p-4"
            >
              <h2 id="symptoms-heading" className="text-xl font-semibold">
                Triggered symptoms
              </h2>
              {symptoms.length === 0 ? (
                <p className="mt-2 text-slate-700">
                  No symptom was triggered this cycle in a pitfall with risk. Pitfalls in band None show none.
                </p>
              ) : (
                <ul className="mt-2 space-y-3">
                  {symptoms.map((pitfall) => (
                    <li key={pitfall.pitfallId}>
                      <p className="font-medium">{pitfall.name}</p>
                      <ul className="mt-1 list-disc space-y-1 pl-6">
                        {pitfall.triggeredSymptoms.map((symptom) => (
                          <li key={symptom.symptomId}>
                            <Link
                              href={`/playbook/${pitfall.pitfallId}#${symptom.symptomId}`}
                              className={linkClass}
                            >
                              {symptom.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section
              aria-labelledby="remediation-heading"
              className="rounded-lg border border-slate-300 bg-white p-4"
            >
              <h2 id="remediation-heading" className="text-xl font-semibold">
                Top remediation steps
              </h2>
              {view.remediation.length === 0 ? (
                <p className="mt-2 text-slate-700">
                  No countermeasure would lower the score of a pitfall with risk this cycle.
                </p>
              ) : (
                <ol className="mt-2 list-decimal space-y-3 pl-6">
                  {view.remediation.map((step) => (
                    <li key={step.countermeasureId}>
                      <Link
                        href={`/playbook/${step.pitfallId}#countermeasure-${step.countermeasureId}`}
                        className={`${linkClass} font-medium`}
                      >
                        {step.action}
                      </Link>
                      <p className="text-sm text-slate-800">So that {step.rationale}.</p>
                      <p className="text-sm text-slate-700">
                        Helps with {step.pitfallNames.join(" and ")}: it addresses answers worth about{" "}
                        {formatScore(step.totalRiskRemoved)} score points.
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}

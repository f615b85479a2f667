import Link from "next/link";
import { HighRiskFindingsList, highRiskFindingsTitle } from "@/features/results/high-risk-findings";
import { percentileSentence } from "@/domain/dashboards/team-dashboard";
import type { PitfallExplanationView } from "@/server/dashboards/team-dashboard";
import { BandChip, formatScore } from "@/ui/band-chip";
import { formatPercent } from "./band-palette";
import { TrendArrow } from "./trend-arrow";
import { MethodChangeNote } from "@/features/shared/method-change-note";

const headClass = "px-3 py-2 text-left font-semibold";
const cellClass = "border-t border-slate-200 px-3 py-2 align-top";
const linkClass = "text-blue-800 underline underline-offset-2 hover:text-blue-950";

export function PitfallExplanationPage({ view }: { view: PitfallExplanationView }) {
  const { team, pitfall, cycle, evidence } = view;
  const dashboardHref = `/team/${team.slug}/dashboard?cycle=${cycle.key}`;
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-slate-700">
          <li>
            <Link href={dashboardHref} className={linkClass}>
              {team.name} dashboard
            </Link>
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
          <form
            method="get"
            action={`/team/${team.slug}/dashboard/${pitfall.id}`}
            className="flex flex-wrap items-end gap-3 pt-2"
          >
            <div>
              <label htmlFor="explanation-cycle" className="text-sm font-medium text-slate-800">
                Cycle
              </label>
              <select
                id="explanation-cycle"
                name="cycle"
                defaultValue={cycle.key}
                className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
              >
                {view.cycles.map((option) => (
                  <option key={option.key} value={option.key}>
                    {option.name}
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
              {view.score === null ? (
                <span>{view.status === "not-assessed" ? "Not assessed" : "Not enough answers to score"}</span>
              ) : (
                <BandChip score={view.score} band={view.band} />
              )}
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
              {evidence && (
                <span className="block text-sm text-slate-700">
                  {evidence.answered} of {evidence.questions} questions answered
                  {evidence.dontKnow > 0 ? `, ${evidence.dontKnow} don't know` : ""}
                  {evidence.notApplicable > 0 ? `, ${evidence.notApplicable} not applicable` : ""}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-700">Percentile</dt>
            <dd className="mt-1">
              {view.percentile === null ? (
                "–"
              ) : (
                <span className="font-semibold tabular-nums">{Math.round(view.percentile)}</span>
              )}
              <span className="block text-sm text-slate-700">
                {view.percentile === null
                  ? ""
                  : `${percentileSentence(view.percentile)} among the ${view.comparedTeams} teams that submitted.`}
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

      <section
        aria-labelledby="contributions-heading"
        className="space-y-2 rounded-lg border border-slate-300 bg-white p-4"
      >
        <h2 id="contributions-heading" className="text-xl font-semibold">
          What drove the score
        </h2>
        <p className="text-sm text-slate-700">
          Answers that show no sign of the pitfall add nothing to the score and are not listed. The shares add
          up to the whole score.
        </p>
        {view.contributions.length === 0 ? (
          <p className="text-slate-700">
            No answer pointed at this pitfall: every piece of evidence looked healthy.
          </p>
        ) : (
          <div role="region" aria-labelledby="contributions-caption" tabIndex={0} className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption id="contributions-caption" className="sr-only">
                Answers and team context checks behind the score, largest share first
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={headClass}>
                    Question or check
                  </th>
                  <th scope="col" className={headClass}>
                    The team&apos;s answer
                  </th>
                  <th scope="col" className={headClass}>
                    Share of the score
                  </th>
                  <th scope="col" className={headClass}>
                    Score points
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.contributions.map((item) => (
                  <tr key={item.kind === "answer" ? item.questionId : item.ruleId}>
                    <th scope="row" className={`${cellClass} text-left font-normal`}>
                      {item.kind === "answer" ? (
                        item.prompt
                      ) : (
                        <>
                          <span className="font-medium">Team context check:</span> {item.explanation}
                        </>
                      )}
                    </th>
                    <td className={cellClass}>
                      {item.kind === "answer" ? item.answer : "Applies to the team's context"}
                    </td>
                    <td className={`${cellClass} tabular-nums`}>{formatPercent(item.share)}</td>
                    <td className={`${cellClass} tabular-nums`}>{formatScore(item.points)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <section
          aria-labelledby="explanation-symptoms-heading"
          className="rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="explanation-symptoms-heading" className="text-xl font-semibold">
            Symptoms found
          </h2>
          {view.triggeredSymptoms.length === 0 ? (
            <p className="mt-2 text-slate-700">None of this pitfall&apos;s symptoms was triggered.</p>
          ) : (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {view.triggeredSymptoms.map((symptom) => (
                <li key={symptom.symptomId}>
                  <Link href={`/playbook/${pitfall.id}#${symptom.symptomId}`} className={linkClass}>
                    {symptom.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {view.triggeredCauses.length > 0 && (
            <>
              <h3 className="mt-4 font-semibold">Likely causes</h3>
              <ul className="mt-1 list-disc space-y-1 pl-6 text-slate-800">
                {view.triggeredCauses.map((cause) => (
                  <li key={cause.causeId}>{cause.text}</li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section
          aria-labelledby="explanation-countermeasures-heading"
          className="rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="explanation-countermeasures-heading" className="text-xl font-semibold">
            Countermeasures that would help
          </h2>
          {view.countermeasures.length === 0 ? (
            <p className="mt-2 text-slate-700">No countermeasure would lower this score.</p>
          ) : (
            <ol className="mt-2 list-decimal space-y-2 pl-6">
              {view.countermeasures.map((countermeasure) => (
                <li key={countermeasure.countermeasureId}>
                  <Link
                    href={`/playbook/${pitfall.id}#countermeasure-${countermeasure.countermeasureId}`}
                    className={`${linkClass} font-medium`}
                  >
                    {countermeasure.action}
                  </Link>
                  <p className="text-sm text-slate-800">
                    So that {countermeasure.rationale}. About {formatScore(countermeasure.riskRemoved)} points
                    of this score.
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}

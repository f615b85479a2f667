import { TREND_ARROWS } from "@/domain/dashboards/trend";
import type { HistoryPoint, PitfallRollup, RollupHistory, RollupScope } from "@/domain/dashboards/rollups";
import { RISK_BANDS } from "@/domain/scoring/bands";
import type { OrgRollupsView } from "@/server/dashboards/rollups";
import { BAND_COLOURS, BAND_LABELS, formatScore } from "@/ui/band-chip";
import { formatPercent } from "./band-palette";
import { OrgDashboardNav } from "./dashboard-nav";
import { EmptyState } from "@/ui/empty-state";
import { RollupTrendCharts, type RollupTrendSeries } from "./rollup-trend-charts";
import { MethodChangeNote } from "@/features/shared/method-change-note";

const cellClass = "border-t border-slate-200 px-3 py-2 text-right tabular-nums";
const headClass = "px-3 py-2 text-left font-semibold";

function DistributionBar({ pitfall }: { pitfall: PitfallRollup }) {
  if (pitfall.scored === 0) return null;
  return (
    <div aria-hidden="true" className="flex h-3 w-32 overflow-hidden rounded border border-slate-400">
      {RISK_BANDS.map((band) =>
        pitfall.bands[band] > 0 ? (
          <div
            key={band}
            style={{
              width: `${(100 * pitfall.bands[band]) / pitfall.scored}%`,
              backgroundColor: BAND_COLOURS[band].background,
            }}
          />
        ) : null,
      )}
    </div>
  );
}

function ScopeTable({
  scope,
  names,
  captionId,
}: {
  scope: RollupScope;
  names: Map<string, string>;
  captionId: string;
}) {
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption id={captionId} className="sr-only">
          {`${scope.name}: band distribution, average score and share of teams at high or critical risk per pitfall`}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={headClass}>
              Pitfall
            </th>
            {RISK_BANDS.map((band) => (
              <th key={band} scope="col" className={headClass}>
                {BAND_LABELS[band]}
              </th>
            ))}
            <th scope="col" className={headClass}>
              Distribution
            </th>
            <th scope="col" className={headClass}>
              Average
            </th>
            <th scope="col" className={headClass}>
              High or critical
            </th>
            <th scope="col" className={headClass}>
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {scope.pitfalls.map((pitfall) => (
            <tr key={pitfall.pitfallId}>
              <th scope="row" className="border-t border-slate-200 px-3 py-2 text-left font-medium">
                {names.get(pitfall.pitfallId) ?? pitfall.pitfallId}
              </th>
              {RISK_BANDS.map((band) => (
                <td key={band} className={cellClass}>
                  {pitfall.bands[band]}
                </td>
              ))}
              <td className="border-t border-slate-200 px-3 py-2">
                <DistributionBar pitfall={pitfall} />
              </td>
              <td className={cellClass}>{formatScore(pitfall.averageScore)}</td>
              <td className={cellClass}>{formatPercent(pitfall.highOrCriticalShare)}</td>
              <td className="border-t border-slate-200 px-3 py-2 whitespace-nowrap">
                {pitfall.shareTrend ? (
                  <>
                    <span aria-hidden="true">{TREND_ARROWS[pitfall.shareTrend.direction]} </span>
                    {pitfall.shareTrend.text}
                  </>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function trendSummary(scopeName: string, trend: RollupHistory, names: Map<string, string>): string {
  const parts = (Object.entries(trend) as [string, HistoryPoint[]][]).map(([pitfallId, points]) => {
    const known = points.filter((point) => point.highOrCriticalShare !== null);
    const name = names.get(pitfallId) ?? pitfallId;
    if (known.length === 0) return `${name}: no scores`;
    if (known.length === 1)
      return `${name}: ${formatPercent(known[0]!.highOrCriticalShare)} in ${known[0]!.cycleName}`;
    return `${name}: ${formatPercent(known[0]!.highOrCriticalShare)} in ${known[0]!.cycleName}, ${formatPercent(known.at(-1)!.highOrCriticalShare)} in ${known.at(-1)!.cycleName}`;
  });
  return `Share of ${scopeName} teams at high or critical risk. ${parts.join("; ")}.`;
}

export function OrgRollupsPage({ view }: { view: OrgRollupsView }) {
  const { rollups, cycle } = view;
  const names = new Map<string, string>(view.pitfalls.map((pitfall) => [pitfall.id, pitfall.name]));
  const trend = view.trend;
  const focusName =
    view.focusUnit?.name ?? (view.scope === "organisation" ? "the whole organisation" : "all your units");
  const series: RollupTrendSeries[] = view.pitfalls.map((pitfall) => ({
    pitfallId: pitfall.id,
    name: pitfall.name,
    points: (trend?.[pitfall.id] ?? []).map((point) => ({
      cycleName: point.cycleName,
      averageScore: point.averageScore,
      highOrCriticalPercent:
        point.highOrCriticalShare === null ? null : Math.round(point.highOrCriticalShare * 100),
    })),
  }));

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Roll-ups</h1>
        <p className="max-w-3xl text-slate-700">
          Each pitfall per org unit: how the submitted teams spread over the bands, their average score, the
          share at high or critical risk, and how that share moved over the quarters.
        </p>
      </header>
      <OrgDashboardNav current="/org/rollups" search={cycle ? `?cycle=${cycle.key}` : ""} />
      <MethodChangeNote change={view.methodChange} historyNote={view.historyMethodNote} />

      {!cycle || !rollups || !trend ? (
        <EmptyState title="No assessment cycle yet">
          Roll-ups appear once teams submit their first assessments.
        </EmptyState>
      ) : (
        <>
          <form
            method="get"
            action="/org/rollups"
            className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-300 bg-white p-4"
          >
            <div>
              <label htmlFor="rollup-cycle" className="text-sm font-medium text-slate-800">
                Cycle
              </label>
              <select
                id="rollup-cycle"
                name="cycle"
                defaultValue={cycle.key}
                className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
              >
                {view.cycles.map((option) => (
                  <option key={option.key} value={option.key}>
                    {option.name}
                    {option.status === "open" ? " (open)" : ""}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="rollup-unit" className="text-sm font-medium text-slate-800">
                Trends for
              </label>
              <select
                id="rollup-unit"
                name="unit"
                defaultValue={view.focusUnit?.slug ?? ""}
                className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
              >
                <option value="">
                  {view.scope === "organisation" ? "The whole organisation" : "All your units"}
                </option>
                {view.units.map((unit) => (
                  <option key={unit.slug} value={unit.slug}>
                    {unit.name}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
            >
              Show
            </button>
          </form>

          {rollups.organisation.submitted === 0 && (
            <p className="rounded-md border border-slate-300 bg-white p-3 text-slate-800">
              No team has submitted an assessment for {cycle.name} yet; the figures below are empty for that
              cycle.
            </p>
          )}

          <section
            aria-labelledby="trend-heading"
            className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
          >
            <h2 id="trend-heading" className="text-xl font-semibold">
              Trend for {focusName}, {view.history[0]?.name} to {cycle.name}
            </h2>
            <figure className="space-y-3">
              <figcaption className="text-sm text-slate-800">
                {trendSummary(view.focusUnit ? `${view.focusUnit.name}'s` : "the", trend, names)}
              </figcaption>
              <RollupTrendCharts series={series} />
            </figure>
            <details className="text-sm">
              <summary className="cursor-pointer font-medium text-blue-800 underline underline-offset-2">
                The trend as a table
              </summary>
              <div role="region" aria-label="Trend table" tabIndex={0} className="mt-2 overflow-x-auto">
                <table className="min-w-full">
                  <caption className="sr-only">{`Share of teams at high or critical risk per pitfall and cycle, ${focusName}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className={headClass}>
                        Pitfall
                      </th>
                      {view.history.map((entry) => (
                        <th key={entry.key} scope="col" className={headClass}>
                          {entry.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {view.pitfalls.map((pitfall) => (
                      <tr key={pitfall.id}>
                        <th scope="row" className="border-t border-slate-200 px-3 py-2 text-left font-medium">
                          {pitfall.name}
                        </th>
                        {trend[pitfall.id].map((point) => (
                          <td key={point.cycleId} className={cellClass}>
                            {formatPercent(point.highOrCriticalShare)}
                            <span className="text-slate-700"> (avg {formatScore(point.averageScore)})</span>
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>

          <section
            aria-labelledby="org-rollup-heading"
            className="space-y-2 rounded-lg border border-slate-300 bg-white p-4"
          >
            <h2 id="org-rollup-heading" className="text-xl font-semibold">
              {view.scope === "organisation" ? "Organisation" : "All your units"}, {cycle.name}{" "}
              <span className="text-base font-normal text-slate-700">
                ({rollups.organisation.submitted} of {rollups.organisation.teams} teams submitted)
              </span>
            </h2>
            <ScopeTable scope={rollups.organisation} names={names} captionId="rollup-organisation" />
          </section>

          <section aria-labelledby="unit-rollups-heading" className="space-y-2">
            <h2 id="unit-rollups-heading" className="text-xl font-semibold">
              By org unit
            </h2>
            <ul className="space-y-2">
              {rollups.units.map((unit) => (
                <li key={unit.orgUnitId}>
                  <details
                    className="rounded-lg border border-slate-300 bg-white"
                    open={unit.slug === view.focusUnit?.slug}
                  >
                    <summary className="cursor-pointer px-4 py-3 font-semibold">
                      {unit.name}{" "}
                      <span className="font-normal text-slate-700">
                        ({unit.submitted} of {unit.teams} teams submitted)
                      </span>
                    </summary>
                    <div className="px-2 pb-3">
                      <ScopeTable scope={unit} names={names} captionId={`rollup-${unit.slug}`} />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

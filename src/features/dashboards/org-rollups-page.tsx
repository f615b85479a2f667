import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { TREND_ARROWS } from "@/domain/dashboards/trend";
import { coverageText, isPartial } from "@/domain/dashboards/coverage";
import type { HistoryPoint, PitfallRollup, RollupHistory, RollupScope } from "@/domain/dashboards/rollups";
import { RISK_BANDS } from "@/domain/scoring/bands";
import type { OrgRollupsView } from "@/contracts/dashboards/views";
import type { CycleOption } from "@/domain/dashboards/cycles";
import { BAND_COLOURS, BAND_LABELS } from "@/ui/band-chip";
import { formatPercent, formatScore } from "@/domain/format";
import { possessive } from "@/domain/text/possessive";
import { OrgDashboardNav } from "./dashboard-nav";
import { EmptyState } from "@/ui/empty-state";
import { RollupTrendCharts, type ProvisionalPoint, type RollupTrendSeries } from "./rollup-trend-charts";
import { CycleUnitFilter } from "./cycle-unit-filter";
import { TrendTableDisclosure } from "./trend-table";
import { DataTable, type Column } from "@/ui/table";
import { MethodChangeNote } from "@/features/shared/method-change-note";

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

/**
 * Shown next to a change when not every team of the scope has results in it: the figure is partial.
 * A reopened assessment's last submitted results are in the figures, so it counts as covered.
 */
function partialCoverage(scope: RollupScope, cycleOpen: boolean): string | null {
  const coverage = { submitted: scope.submitted + scope.reopened, teams: scope.teams };
  return isPartial(coverage) ? coverageText(coverage, cycleOpen) : null;
}

/** "3 of 5 teams submitted", with the reopened ones (in the figures by their last results) apart. */
function completionWords(scope: RollupScope): string {
  const submitted = `${scope.submitted} of ${scope.teams} teams submitted`;
  return scope.reopened > 0 ? `${submitted}, ${scope.reopened} reopened and being revised` : submitted;
}

function scopeColumns(names: Map<string, string>, coverage: string | null): Column<PitfallRollup>[] {
  return [
    {
      key: "pitfall",
      header: "Pitfall",
      rowHeader: true,
      cell: (pitfall) => names.get(pitfall.pitfallId) ?? pitfall.pitfallId,
    },
    ...RISK_BANDS.map((band): Column<PitfallRollup> => ({
      key: band,
      header: BAND_LABELS[band],
      numeric: true,
      cell: (pitfall) => pitfall.bands[band],
    })),
    { key: "distribution", header: "Distribution", cell: (pitfall) => <DistributionBar pitfall={pitfall} /> },
    {
      key: "average",
      header: "Average",
      numeric: true,
      cell: (pitfall) => formatScore(pitfall.averageScore),
    },
    {
      key: "high-or-critical",
      header: "High or critical",
      numeric: true,
      cell: (pitfall) => formatPercent(pitfall.highOrCriticalShare),
    },
    {
      key: "change",
      // Named for its measure: the heatmap's unit arrows follow the average score instead.
      header: "Change in share high or critical",
      className: "sm:whitespace-nowrap",
      cell: (pitfall) =>
        pitfall.shareTrend ? (
          <>
            <span aria-hidden="true">{TREND_ARROWS[pitfall.shareTrend.direction]} </span>
            {pitfall.shareTrend.text}
            {coverage && <span className="block text-xs text-slate-700">{coverage}</span>}
          </>
        ) : (
          "–"
        ),
    },
  ];
}

function ScopeTable({
  scope,
  names,
  cycleOpen,
}: {
  scope: RollupScope;
  names: Map<string, string>;
  cycleOpen: boolean;
}) {
  const caption = `${scope.name}: band distribution, average score and share of teams at high or critical risk per pitfall`;
  return (
    <DataTable
      stackOnPhones
      caption={caption}
      captionHidden
      regionLabel={caption}
      columns={scopeColumns(names, partialCoverage(scope, cycleOpen))}
      rows={scope.pitfalls}
      rowKey={(pitfall) => pitfall.pitfallId}
      empty={null}
    />
  );
}

/**
 * The chart in words, for the unit named `unitName` or, with null, the whole organisation. The open
 * cycle's figure, while it counts only part of the teams, is said to be provisional and over how
 * many, as the chart marks it.
 */
export function trendSummary(
  unitName: string | null,
  trend: RollupHistory,
  names: Map<string, string>,
  provisional: ProvisionalPoint | null = null,
): string {
  const inCycle = (point: HistoryPoint) =>
    `${formatPercent(point.highOrCriticalShare)}${provisional?.cycleName === point.cycleName ? " so far" : ""} in ${point.cycleName}`;
  const parts = (Object.entries(trend) as [string, HistoryPoint[]][]).map(([pitfallId, points]) => {
    const known = points.filter((point) => point.highOrCriticalShare !== null);
    const name = names.get(pitfallId) ?? pitfallId;
    if (known.length === 0) return `${name}: no scores`;
    if (known.length === 1) return `${name}: ${inCycle(known[0]!)}`;
    return `${name}: ${inCycle(known[0]!)}, ${inCycle(known.at(-1)!)}`;
  });
  const partial = provisional
    ? ` ${provisional.cycleName} is provisional: it counts ${provisional.coverage}.`
    : "";
  const scopeName = unitName === null ? "the" : possessive(unitName);
  return `Share of ${scopeName} teams at high or critical risk.${partial} ${parts.join("; ")}.`;
}

/** The open cycle's point while not every team of the scope has results in it; else null. */
export function provisionalPoint(
  scope: RollupScope | null | undefined,
  cycle: CycleOption,
): ProvisionalPoint | null {
  if (!scope || cycle.status !== "open") return null;
  const coverage = { submitted: scope.submitted + scope.reopened, teams: scope.teams };
  if (!isPartial(coverage)) return null;
  return {
    cycleName: cycle.name,
    coverage: coverageText(coverage, true),
    label: `${coverage.submitted} of ${coverage.teams} so far`,
  };
}

export function OrgRollupsPage({ view }: { view: OrgRollupsView }) {
  const { rollups, cycle } = view;
  const names = new Map<string, string>(view.pitfalls.map((pitfall) => [pitfall.id, pitfall.name]));
  const trend = view.trend;
  const focusName =
    view.focusUnit?.name ?? (view.scope === "organisation" ? "the whole organisation" : "all your units");
  const focusScope = view.focusUnit ? view.focusRollup : rollups?.organisation;
  const trendCoverage = focusScope && cycle ? partialCoverage(focusScope, cycle.status === "open") : null;
  const provisional = cycle ? provisionalPoint(focusScope, cycle) : null;
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
      <PageHeader
        title="Roll-ups"
        description={
          <p className="max-w-3xl">
            Each pitfall per org unit: how the submitted teams spread over the bands, their average score, the
            share at high or critical risk, and how that share moved over the quarters.
          </p>
        }
      />
      <OrgDashboardNav current="/org/rollups" search={cycle ? `?cycle=${cycle.key}` : ""} />
      <MethodChangeNote change={view.methodChange} historyNote={view.historyMethodNote} />

      {!cycle || !rollups || !trend ? (
        <EmptyState title="No assessment cycle yet">
          Roll-ups appear once teams submit their first assessments.
        </EmptyState>
      ) : (
        <>
          <CycleUnitFilter action="/org/rollups" unitLabel="Trends for" view={view} />

          {rollups.organisation.submitted + rollups.organisation.reopened === 0 && (
            <p className="rounded-md border border-slate-300 bg-white p-3 text-slate-800">
              No team has submitted an assessment for {cycle.name} yet; the figures below are empty for that
              cycle.
            </p>
          )}

          <SectionCard
            id="trend-heading"
            title={`Trend for ${focusName}, ${view.history[0]?.name} to ${cycle.name}`}
          >
            <figure className="space-y-3">
              <figcaption className="text-sm text-slate-800">
                {trendSummary(view.focusUnit?.name ?? null, trend, names, provisional)}
              </figcaption>
              <RollupTrendCharts series={series} provisional={provisional} />
            </figure>
            {provisional ? (
              <p className="text-sm text-slate-800">
                {cycle.name} is open and counts {provisional.coverage}: its points are provisional, drawn
                hollow on a dotted line and marked &ldquo;{provisional.label}&rdquo;. Earlier cycles count
                every team that submitted then.
              </p>
            ) : (
              trendCoverage && (
                <p className="text-sm text-slate-800">
                  {cycle.name} counts {trendCoverage}; earlier cycles count every team that submitted then.
                </p>
              )
            )}
            <TrendTableDisclosure
              caption={`Share of teams at high or critical risk per pitfall and cycle, ${focusName}`}
              columns={[
                { key: "pitfall", header: "Pitfall", rowHeader: true, cell: (pitfall) => pitfall.name },
                ...view.history.map((entry, index): Column<(typeof view.pitfalls)[number]> => ({
                  key: entry.key,
                  header:
                    provisional?.cycleName === entry.name ? (
                      <>
                        {entry.name}{" "}
                        <span className="block text-xs font-normal">provisional, {provisional.label}</span>
                      </>
                    ) : (
                      entry.name
                    ),
                  numeric: true,
                  cell: (pitfall) => {
                    const point = trend[pitfall.id][index]!;
                    return (
                      <>
                        {formatPercent(point.highOrCriticalShare)}
                        <span className="text-slate-700"> (avg {formatScore(point.averageScore)})</span>
                      </>
                    );
                  },
                })),
              ]}
              rows={view.pitfalls}
              rowKey={(pitfall) => pitfall.id}
            />
          </SectionCard>

          <SectionCard
            id="org-rollup-heading"
            title={
              <>
                {view.scope === "organisation" ? "Organisation" : "All your units"}, {cycle.name}{" "}
                <span className="text-base font-normal text-slate-700">
                  ({completionWords(rollups.organisation)})
                </span>
              </>
            }
          >
            <ScopeTable scope={rollups.organisation} names={names} cycleOpen={cycle.status === "open"} />
          </SectionCard>

          <SectionCard id="unit-rollups-heading" title="By org unit" plain>
            <ul className="space-y-2">
              {rollups.units.map((unit) => (
                <li key={unit.orgUnitId}>
                  <details
                    className="rounded-lg border border-slate-300 bg-white"
                    open={unit.slug === view.focusUnit?.slug}
                  >
                    <summary className="cursor-pointer px-4 py-3 font-semibold">
                      {unit.name}{" "}
                      <span className="font-normal text-slate-700">({completionWords(unit)})</span>
                    </summary>
                    <div className="px-2 pb-3">
                      <ScopeTable scope={unit} names={names} cycleOpen={cycle.status === "open"} />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          </SectionCard>
        </>
      )}
    </div>
  );
}

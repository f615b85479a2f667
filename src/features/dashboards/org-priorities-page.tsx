import { Link } from "@/ui/link";
import {
  defaultDirection,
  heatmapSearch,
  type BandFilter,
  type HeatmapSortKey,
} from "@/domain/dashboards/heatmap";
import { coverageText, isPartial } from "@/domain/dashboards/coverage";
import { REOPENED_RESULTS_NOTE } from "@/domain/dashboards/heatmap-columns";
import {
  earlierCriticalText,
  sameTeamsChangeText,
  type CountermeasureTeam,
  type CriticalTeam,
  type EarlierCriticalTeamRef,
  type OrgCountermeasure,
  type PitfallRisk,
  type PriorityTeamRef,
} from "@/domain/dashboards/org-priorities";
import {
  NOTABLE_CHANGE_POINTS,
  signedPoints,
  type BiggestChanges,
  type TeamChange,
} from "@/domain/dashboards/biggest-changes";
import { formatScore } from "@/domain/format";
import { pitfallName } from "@/domain/plans/stored-rankings";
import { PLAN_ITEM_STATUS_LABELS } from "@/domain/plans/plan-item-rules";
import type { OrgPrioritiesView } from "@/contracts/dashboards/views";
import { bandText } from "@/ui/band-chip";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { DataTable, type Column } from "@/ui/table";
import { TextLink } from "@/ui/text-link";
import { CycleUnitFilter } from "./cycle-unit-filter";
import { OrgDashboardNav } from "./dashboard-nav";

const EFFORT_LABELS = { low: "Low effort", medium: "Medium effort", high: "High effort" } as const;

/** The heatmap filtered to this view's cycle and unit, at least `band`, sorted by `sort`. */
function heatmapHref(view: OrgPrioritiesView, band: BandFilter, sort: HeatmapSortKey, unit?: string): string {
  return `/org${heatmapSearch({
    cycle: view.cycle?.key,
    unit: unit ?? view.focusUnit?.slug,
    band,
    completion: "any",
    sort,
    dir: defaultDirection(sort),
  })}`;
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * The change among the same teams sits under the pitfall's name rather than in a column of its
 * own: a sentence in a fourth column was squeezed to a word a line, and cut off, on a phone.
 */
function pitfallColumns(view: OrgPrioritiesView): Column<PitfallRisk>[] {
  return [
    {
      key: "pitfall",
      header: "Pitfall",
      rowHeader: true,
      cell: (risk) => (
        <>
          <TextLink href={heatmapHref(view, "high", risk.pitfallId)}>
            {risk.name}
            <span className="sr-only">: teams at High or Critical on the heatmap</span>
          </TextLink>
          <span className="mt-1 block text-xs font-normal text-slate-600">
            {risk.change ? sentence(sameTeamsChangeText(risk.change)) : "No cycle before to compare with."}
          </span>
        </>
      ),
    },
    {
      key: "high-or-critical",
      header: "High or Critical",
      numeric: true,
      cell: (risk) => `${risk.highOrCritical} of ${risk.scored}`,
    },
    { key: "critical", header: "Critical", numeric: true, cell: (risk) => risk.critical },
  ];
}

function CriticalTeams({
  view,
  teams,
  submitted,
}: {
  view: OrgPrioritiesView;
  teams: CriticalTeam[];
  /** Teams with a result in the cycle: what the count is out of. */
  submitted: number;
}) {
  return (
    <SectionCard
      id="critical-teams-heading"
      title={`Critical teams (${teams.length} of ${submitted} submitted)`}
      actions={
        teams.length > 0 ? (
          <TextLink href={heatmapHref(view, "critical", "overall")}>Show them on the heatmap</TextLink>
        ) : undefined
      }
    >
      {teams.length === 0 ? (
        <p>No team that submitted has a pitfall at Critical.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {teams.map((team) => (
            <li key={team.teamId} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
              <TextLink href={`/team/${team.slug}/dashboard`}>{team.name}</TextLink>
              <span className="text-sm text-slate-700">{team.unitName}</span>
              {team.reopened && <span className="text-sm text-slate-700">{REOPENED_RESULTS_NOTE}</span>}
              <span className="text-sm">
                Critical:{" "}
                {team.pitfalls.map((pitfall) => `${pitfall.name} (${formatScore(pitfall.score)})`).join(", ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

/**
 * Teams that have not submitted in this cycle but whose last result was Critical: kept apart from
 * this cycle's figures, but listed, since for most of a quarter they are most of the teams.
 */
function EarlierCriticalTeams({ teams }: { teams: EarlierCriticalTeamRef[] }) {
  if (teams.length === 0) return null;
  return (
    <SectionCard
      id="earlier-critical-heading"
      title={`Critical last time, not yet submitted (${teams.length})`}
    >
      <p>{earlierCriticalText(teams)}. Their results are not in this cycle&apos;s figures above.</p>
      <ul className="divide-y divide-slate-200">
        {teams.map((team) => (
          <li key={team.teamId} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
            <TextLink href={`/team/${team.slug}/dashboard`}>{team.name}</TextLink>
            <span className="text-sm text-slate-700">{team.unitName}</span>
            <span className="text-sm">
              {team.criticalPitfalls} Critical {team.criticalPitfalls === 1 ? "pitfall" : "pitfalls"} in{" "}
              {team.cycleName}
            </span>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}

function movesWord(count: number): string {
  return `${count} ${count === 1 ? "team" : "teams"}`;
}

/** "High → Critical", or "Critical, as before" when the headline's band stayed. */
function headlineMove(change: TeamChange<PriorityTeamRef>): string {
  if (change.headlineBefore === change.headlineNow) return `${bandText(change.headlineNow)}, as before`;
  return `${bandText(change.headlineBefore)} → ${bandText(change.headlineNow)}`;
}

function ChangeList({
  view,
  way,
  changes,
  total,
}: {
  view: OrgPrioritiesView;
  way: "worse" | "better";
  changes: TeamChange<PriorityTeamRef>[];
  /** Every team that moved this way; `changes` holds the biggest few. */
  total: number;
}) {
  const cycleSearch = view.cycle ? `?cycle=${view.cycle.key}` : "";
  const headingId = `changes-${way}-heading`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-2">
      <h3 id={headingId} className="text-lg font-semibold">
        {way === "worse" ? "Got worse" : "Got better"}{" "}
        <span className="text-base font-normal text-slate-700">
          ({total === 0 ? "no team" : movesWord(total)})
        </span>
      </h3>
      {total > changes.length && (
        <p className="text-sm text-slate-700">The {changes.length} biggest moves are shown.</p>
      )}
      {changes.length === 0 ? (
        <p className="text-sm text-slate-700">
          No team moved {way === "worse" ? "up" : "down"} by {NOTABLE_CHANGE_POINTS} points or a band.
        </p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {changes.map((change) => (
            <li key={change.team.teamId} className="space-y-1 px-3 py-2">
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <TextLink href={`/team/${change.team.slug}/dashboard${cycleSearch}`}>
                  {change.team.name}
                </TextLink>
                <span className="text-sm text-slate-700">{change.team.unitName}</span>
                <span className="text-sm">Headline: {headlineMove(change)}</span>
              </p>
              {change.moves.length > 0 && (
                <ul className="space-y-0.5 text-sm">
                  {change.moves.map((move) => (
                    <li key={move.pitfallId}>
                      <Link
                        href={`/team/${change.team.slug}/dashboard/${move.pitfallId}${cycleSearch}`}
                        className="text-blue-800 underline underline-offset-2 hover:text-blue-950"
                      >
                        {pitfallName(move.pitfallId)}
                      </Link>{" "}
                      <span className="tabular-nums">
                        {formatScore(move.before)} → {formatScore(move.now)} ({signedPoints(move.change)}
                        <span className="sr-only"> points</span>)
                      </span>
                      {move.bandBefore !== move.bandNow && (
                        <span className="text-slate-700">
                          , {bandText(move.bandBefore)} → {bandText(move.bandNow)}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The teams whose results moved most since the cycle before, worse and better side by side: what
 * a head of engineering asks first, answered without reading every arrow on the heatmap.
 */
function BiggestChangesSection({
  view,
  changes,
  cycleName,
  cycleOpen,
}: {
  view: OrgPrioritiesView;
  changes: BiggestChanges<PriorityTeamRef>;
  cycleName: string;
  cycleOpen: boolean;
}) {
  return (
    <SectionCard
      id="changes-heading"
      title={`Biggest changes since ${changes.since}`}
      description={
        <p className="max-w-3xl">
          Like for like: the {movesWord(changes.comparedTeams)} with results in both {changes.since} and{" "}
          {cycleName}, scored with the same method. A team is listed when its headline (its worst
          pitfall&apos;s band) moved, or a pitfall moved by {NOTABLE_CHANGE_POINTS} points or more, or into
          another band; the biggest moves first.
          {cycleOpen && " The cycle is open: more teams are compared as they submit."}
        </p>
      }
    >
      {changes.comparedTeams === 0 ? (
        <p>
          No team has results in both {changes.since} and {cycleName} yet.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <ChangeList view={view} way="worse" changes={changes.worse} total={changes.worseTeams} />
          <ChangeList view={view} way="better" changes={changes.better} total={changes.betterTeams} />
        </div>
      )}
    </SectionCard>
  );
}

function teamPlanLabel(team: CountermeasureTeam): string {
  if (team.planStatus === null) return "not planned";
  if (team.planStatus === "dropped") return "dropped from its plan";
  return `in plan: ${PLAN_ITEM_STATUS_LABELS[team.planStatus]}`;
}

function CountermeasureEntry({ countermeasure }: { countermeasure: OrgCountermeasure }) {
  const units = [...new Map(countermeasure.teams.map((team) => [team.unitSlug, team.unitName]))];
  return (
    <li className="rounded-lg border border-slate-300 bg-white p-4">
      <p className="font-semibold text-slate-900">{countermeasure.action}</p>
      <p className="mt-1 text-sm text-slate-700">
        Removes {formatScore(countermeasure.totalRiskRemoved)} risk points across{" "}
        {countermeasure.teams.length} {countermeasure.teams.length === 1 ? "team" : "teams"} ·{" "}
        {EFFORT_LABELS[countermeasure.effort]} · already in {countermeasure.planned} of{" "}
        {countermeasure.teams.length} teams&apos; plans
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {countermeasure.teams.map((team) => (
          <li key={team.teamId}>
            <TextLink href={`/team/${team.slug}/plan`}>{team.name}</TextLink>{" "}
            <span className="text-slate-700">
              −{formatScore(team.riskRemoved)}, {teamPlanLabel(team)}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        Plan it for a unit:{" "}
        {units.map(([slug, name], index) => (
          <span key={slug}>
            {index > 0 && ", "}
            <Link href={`/plans/${slug}`} className="text-blue-800 underline underline-offset-2">
              {name}
            </Link>
          </span>
        ))}
      </p>
    </li>
  );
}

export function OrgPrioritiesPage({ view }: { view: OrgPrioritiesView }) {
  const { cycle, priorities } = view;
  const scopeName =
    view.focusUnit?.name ?? (view.scope === "organisation" ? "the organisation" : "your units");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Where we are at risk"
        description={
          <p className="max-w-3xl">
            The pitfalls with most teams at High or Critical, the teams with a Critical pitfall, the teams
            whose results moved most since the cycle before, and what to do first: the countermeasures that
            would remove most risk across {scopeName}, in the same order a team&apos;s own ranking uses.
          </p>
        }
      />
      <OrgDashboardNav current="/org/priorities" search={cycle ? `?cycle=${cycle.key}` : ""} />

      {!cycle || !priorities ? (
        <EmptyState title="No assessment cycle yet">
          Priorities appear once teams submit their first assessments.
        </EmptyState>
      ) : (
        <>
          <CycleUnitFilter action="/org/priorities" unitLabel="Org unit" view={view} />

          <p
            className={`rounded-md border p-3 ${
              isPartial(priorities.coverage)
                ? "border-amber-400 bg-amber-50 text-slate-900"
                : "border-slate-300 bg-white text-slate-800"
            }`}
          >
            {cycle.name}: based on {coverageText(priorities.coverage, cycle.status === "open")}.
            {isPartial(priorities.coverage) &&
              (cycle.status === "open"
                ? " The cycle is open: the figures will change as more teams submit."
                : " Teams that did not submit are not counted.")}
          </p>

          <SectionCard
            id="risk-pitfalls-heading"
            title="Pitfalls with most teams at High or Critical"
            plain
            actions={
              <TextLink href={heatmapHref(view, "high", "overall")}>All High or Critical teams</TextLink>
            }
          >
            <DataTable
              caption={`Pitfalls by number of teams at High or Critical risk in ${cycle.name}, with the change among the same teams`}
              captionHidden
              regionLabel="Pitfalls at risk"
              columns={pitfallColumns(view)}
              rows={priorities.pitfalls}
              rowKey={(risk) => risk.pitfallId}
              empty="No team that submitted has a pitfall at High or Critical."
            />
          </SectionCard>

          <CriticalTeams
            view={view}
            teams={priorities.criticalTeams}
            submitted={priorities.coverage.submitted}
          />
          {priorities.changes && (
            <BiggestChangesSection
              view={view}
              changes={priorities.changes}
              cycleName={cycle.name}
              cycleOpen={cycle.status === "open"}
            />
          )}
          <EarlierCriticalTeams teams={priorities.earlierCriticalTeams} />

          <SectionCard id="what-first-heading" title="What to do first" plain>
            {priorities.countermeasures.length === 0 ? (
              <p>No countermeasure would remove risk for the teams that submitted.</p>
            ) : (
              <ol className="space-y-3">
                {priorities.countermeasures.map((countermeasure) => (
                  <CountermeasureEntry
                    key={countermeasure.countermeasureId}
                    countermeasure={countermeasure}
                  />
                ))}
              </ol>
            )}
            <p className="text-sm text-slate-700">
              Ranked as each team&apos;s own remediation order ranks them, summed over the teams: risk removed
              from a pitfall counts more the worse that pitfall&apos;s band, then total risk removed, then
              least effort. The figure after a team is the risk it would remove there.
            </p>
          </SectionCard>
        </>
      )}
    </div>
  );
}

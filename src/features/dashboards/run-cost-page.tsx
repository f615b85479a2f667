import { SectionCard } from "@/ui/section-card";
import { PageHeader } from "@/ui/page-header";
import { Link } from "@/ui/link";
import {
  AVAILABILITY_TARGET_LABELS,
  ON_CALL_SETUP_LABELS,
  ON_CALL_SETUPS,
  WEEKS_PER_YEAR,
  type ScheduleSummary,
  type TargetBreakdown,
  type UnitRunCost,
} from "@/domain/dashboards/run-cost";
import type { OffRuleTeamView, RunCostView } from "@/contracts/dashboards/views";
import { formatAmount, formatInteger } from "@/domain/format";
import { OrgDashboardNav } from "./dashboard-nav";
import { CycleSelect, dashboardFormClass } from "./cycle-select";
import { FilterForm } from "@/ui/filter-form";
import { DataTable, type Column } from "@/ui/table";
import { TextField } from "@/ui/text-field";
import { EmptyState } from "@/ui/empty-state";
import { TERM_GRID_COLUMNS } from "@/ui/term-grid";

function signed(value: number, format: (value: number) => string): string {
  if (value === 0) return "no change";
  return `${value > 0 ? "+" : "−"}${format(Math.abs(value))}`;
}

function ScheduleCard({ title, summary, rate }: { title: string; summary: ScheduleSummary; rate: number }) {
  return (
    <SectionCard title={title}>
      <p className="mt-2 text-3xl font-bold tabular-nums">
        {formatInteger(summary.outOfHoursSchedules)}{" "}
        <span className="text-base font-normal text-slate-700">
          out-of-hours {summary.outOfHoursSchedules === 1 ? "schedule" : "schedules"} for{" "}
          {formatInteger(summary.productTeams)} product teams
        </span>
      </p>
      <dl className={`mt-3 grid ${TERM_GRID_COLUMNS} gap-x-4 gap-y-1 text-sm`}>
        <dt className="text-slate-700">Own team schedules</dt>
        <dd className="tabular-nums">{formatInteger(summary.teamsWithOwnSchedule)}</dd>
        <dt className="text-slate-700">Shared domain schedules</dt>
        <dd className="tabular-nums">
          {formatInteger(summary.domainSchedules)} (covering {formatInteger(summary.teamsOnDomainSchedule)}{" "}
          teams)
        </dd>
        <dt className="text-slate-700">Teams with no out-of-hours cover</dt>
        <dd className="tabular-nums">{formatInteger(summary.teamsWithNoCover)}</dd>
        <dt className="text-slate-700">Teams covered by central operations</dt>
        <dd className="tabular-nums">{formatInteger(summary.teamsOnCentralOps)}</dd>
        <dt className="text-slate-700">Schedules per team</dt>
        <dd className="tabular-nums">
          {summary.schedulesPerTeam === null ? "–" : summary.schedulesPerTeam.toFixed(2)}
        </dd>
        <dt className="text-slate-700">Standby cost R({formatInteger(summary.outOfHoursSchedules)})</dt>
        <dd className="tabular-nums">
          {formatAmount(summary.cost.weekly)} a week = {formatAmount(summary.outOfHoursSchedules)} ×{" "}
          {formatAmount(rate)}
        </dd>
        <dt className="text-slate-700">A year ({WEEKS_PER_YEAR} weeks)</dt>
        <dd className="font-semibold tabular-nums">{formatAmount(summary.cost.yearly)}</dd>
      </dl>
    </SectionCard>
  );
}

const targetColumns: Column<TargetBreakdown>[] = [
  {
    key: "target",
    header: "Target",
    rowHeader: true,
    cell: (row) => (row.target ? AVAILABILITY_TARGET_LABELS[row.target] : "Not known"),
  },
  { key: "teams", header: "Teams", numeric: true, cell: (row) => formatInteger(row.teams) },
  ...ON_CALL_SETUPS.map((setup): Column<TargetBreakdown> => ({
    key: setup,
    header: ON_CALL_SETUP_LABELS[setup],
    numeric: true,
    cell: (row) => formatInteger(row.setups[setup]),
  })),
  {
    key: "unknown",
    header: "Setup not known",
    numeric: true,
    cell: (row) => formatInteger(row.setups.unknown),
  },
  {
    key: "rule",
    header: "The rule says",
    cell: (row) => (row.ruleSetup ? ON_CALL_SETUP_LABELS[row.ruleSetup] : "Left as it is"),
  },
  {
    key: "off-rule",
    header: "Teams off the rule",
    numeric: true,
    cell: (row) => formatInteger(row.teamsOffRule),
  },
];

function unitColumns(unitName: Map<string, string>, ratePerScheduleWeek: number): Column<UnitRunCost>[] {
  return [
    {
      key: "unit",
      header: "Org unit",
      rowHeader: true,
      cell: (row) => unitName.get(row.orgUnitId) ?? "Unknown unit",
    },
    { key: "teams", header: "Teams counted", numeric: true, cell: (row) => formatInteger(row.teams) },
    { key: "now", header: "Schedules now", numeric: true, cell: (row) => formatInteger(row.schedulesNow) },
    {
      key: "under-rule",
      header: "Under the rule",
      numeric: true,
      cell: (row) => formatInteger(row.schedulesUnderRule),
    },
    {
      key: "yearly-difference",
      header: "Yearly cost difference",
      numeric: true,
      cell: (row) =>
        signed(
          (row.schedulesUnderRule - row.schedulesNow) * ratePerScheduleWeek * WEEKS_PER_YEAR,
          formatAmount,
        ),
    },
  ];
}

const offRuleColumns: Column<OffRuleTeamView>[] = [
  {
    key: "team",
    header: "Team",
    rowHeader: true,
    cell: (row) => (
      <>
        <Link href={`/team/${row.slug}/dashboard`} className="text-blue-800 underline underline-offset-2">
          {row.name}
        </Link>
        {row.reopened && (
          <>
            <span aria-hidden="true"> ↺</span>
            <span className="sr-only">; {REVISED_NOTE}</span>
          </>
        )}
      </>
    ),
  },
  { key: "unit", header: "Org unit", cell: (row) => row.unitName },
  { key: "target", header: "Target", cell: (row) => AVAILABILITY_TARGET_LABELS[row.availabilityTarget] },
  { key: "now", header: "Cover now", cell: (row) => ON_CALL_SETUP_LABELS[row.setup] },
  { key: "rule", header: "The rule asks for", cell: (row) => ON_CALL_SETUP_LABELS[row.ruleSetup] },
  {
    key: "schedules",
    header: "Schedules",
    numeric: true,
    cell: (row) => signed(row.scheduleDifference, formatInteger),
  },
  {
    key: "yearly",
    header: "Yearly cost of moving it",
    numeric: true,
    cell: (row) => signed(row.yearlyDifference, formatAmount),
  },
];

/** Why a reopened team's row may still change. */
const REVISED_NOTE = "reopened: counted with its team context as it is being revised";

/**
 * The teams counted with the team context of a reopened assessment. The context (target and
 * on-call setup) is not part of the results kept while an assessment is reopened: it is in the
 * answers the team is revising, so it is read as it stands and said to be provisional.
 */
function BeingRevised({ teams }: { teams: RunCostView["teamsBeingRevised"] }) {
  if (teams.length === 0) return null;
  return (
    <div className="rounded-md border border-slate-300 bg-white p-3 text-slate-800">
      <p className="font-semibold">
        <span aria-hidden="true">↺ </span>
        Reopened, being revised: {formatInteger(teams.length)} {teams.length === 1 ? "team" : "teams"}
      </p>
      <p className="mt-1 text-sm">
        {teams.map((team, index) => (
          <span key={team.slug}>
            {index > 0 && ", "}
            <Link
              href={`/team/${team.slug}/dashboard`}
              className="text-blue-800 underline underline-offset-2"
            >
              {team.name}
            </Link>{" "}
            ({team.cycleName})
          </span>
        ))}
        . Their assessment was reopened, so they are counted with the availability target and on-call setup it
        holds now, which may still change until they submit again; the list of teams off the rule marks them
        ↺.
      </p>
    </div>
  );
}

function OffRuleTeams({ teams }: { teams: OffRuleTeamView[] }) {
  return (
    <SectionCard id="off-rule-heading" title="Teams off the rule">
      {teams.length === 0 ? (
        <p className="mt-2">Every team that reported its target and cover follows the playbook rule.</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-700">
            Each row is what moving that team alone to the rule&apos;s cover would change, biggest saving
            first; a negative figure is a saving. Teams sharing a domain schedule count together, so the rows
            need not add up to the total above.
          </p>
          <DataTable
            stackOnPhones
            caption="Teams whose out-of-hours cover differs from the playbook rule, with the change moving each would make"
            captionHidden
            regionLabel="Teams off the rule"
            columns={offRuleColumns}
            rows={teams}
            rowKey={(row) => row.teamId}
            empty={null}
          />
        </>
      )}
    </SectionCard>
  );
}

export function RunCostPage({ view }: { view: RunCostView }) {
  const { whatIf, query, cycle } = view;
  const unitName = new Map(view.units.map((unit) => [unit.id, unit.name]));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Run cost"
        description={
          <p className="max-w-3xl">
            How many out-of-hours schedules the product teams run, what standby costs under the R(n) model — n
            schedules, each paid the standby rate R every week — and what choosing cover by availability
            target would change.
          </p>
        }
      />
      <OrgDashboardNav current="/org/run-cost" search={cycle ? `?cycle=${cycle.key}` : ""} />

      {!cycle || !whatIf ? (
        <EmptyState title="No assessment cycle yet">
          The run-cost view uses the team context of submitted assessments. It fills in once teams submit.
        </EmptyState>
      ) : (
        <>
          <FilterForm
            action="/org/run-cost"
            label="Run-cost cycle and pay rate"
            submitLabel="Recalculate"
            className={dashboardFormClass}
          >
            <CycleSelect label="As of cycle" cycles={view.cycles} current={query.cycle} markOpen />
            <TextField
              label="Standby pay per schedule per week"
              hint="In your organisation's currency"
              name="rate"
              inputMode="decimal"
              defaultValue={query.rateInput}
              errors={
                query.rateError
                  ? [
                      query.rateError,
                      `Showing the default of ${formatAmount(query.ratePerScheduleWeek)} meanwhile.`,
                    ]
                  : undefined
              }
              className="w-40 tabular-nums"
            />
          </FilterForm>

          <p className="text-slate-800">
            {formatInteger(view.teamsReporting)} teams counted with the on-call setup from their latest
            submitted assessment up to {cycle.name}
            {view.teamsNotReporting > 0
              ? `; ${formatInteger(view.teamsNotReporting)} ${view.teamsNotReporting === 1 ? "team has" : "teams have"} not submitted one yet and ${view.teamsNotReporting === 1 ? "is" : "are"} left out.`
              : "."}
          </p>
          <BeingRevised teams={view.teamsBeingRevised} />

          <div className="grid gap-4 lg:grid-cols-2">
            <ScheduleCard title="Now" summary={whatIf.now} rate={whatIf.ratePerScheduleWeek} />
            <ScheduleCard
              title="Under the playbook rule"
              summary={whatIf.underRule}
              rate={whatIf.ratePerScheduleWeek}
            />
          </div>

          <SectionCard id="difference-heading" title="What the rule would change">
            <p className="mt-2 text-lg">
              {whatIf.scheduleDifference === 0
                ? "The same number of schedules as today"
                : `${signed(whatIf.scheduleDifference, formatInteger)} out-of-hours schedules`}
              , a yearly standby cost difference of{" "}
              <strong className="tabular-nums">{signed(whatIf.yearlyDifference, formatAmount)}</strong>
              {whatIf.yearlyDifference < 0
                ? " (a saving)."
                : whatIf.yearlyDifference > 0
                  ? " (an extra cost)."
                  : "."}
            </p>
          </SectionCard>

          <OffRuleTeams teams={view.teamsOffRule} />

          <SectionCard id="by-target-heading" title="By availability target" plain>
            <DataTable
              stackOnPhones
              caption="Current out-of-hours setup of the teams per availability target, against the playbook rule"
              captionHidden
              regionLabel="By availability target"
              columns={targetColumns}
              rows={whatIf.byTarget}
              rowKey={(row) => row.target ?? "unknown"}
              empty={null}
            />
          </SectionCard>

          <SectionCard id="by-unit-heading" title="By org unit" plain>
            <DataTable
              stackOnPhones
              caption="Out-of-hours schedules per org unit now and under the playbook rule"
              captionHidden
              regionLabel="By org unit"
              columns={unitColumns(unitName, whatIf.ratePerScheduleWeek)}
              rows={[...whatIf.byUnit].sort((a, b) =>
                (unitName.get(a.orgUnitId) ?? "").localeCompare(unitName.get(b.orgUnitId) ?? "", "en"),
              )}
              rowKey={(row) => row.orgUnitId}
              empty={null}
              className="max-h-[60vh] overflow-y-auto"
            />
          </SectionCard>

          <SectionCard id="assumptions-heading" title="How this is counted">
            <ul className="mt-2 list-disc space-y-1 pl-5">
              <li>A team&apos;s own out-of-hours schedule counts as one schedule.</li>
              <li>Teams on a shared domain schedule count as one schedule per org unit that has one.</li>
              <li>
                Teams with no out-of-hours cover, or covered by a central operations team, add no product team
                schedule: the operations schedule exists for the foundational systems either way and is paid
                from the operations budget.
              </li>
              <li>
                The playbook rule: 95.0% → no out-of-hours schedule; 99.0% → one shared domain schedule per
                org unit; 99.9% and 99.99% → the team&apos;s own schedule. Teams whose target or setup is not
                known are left as they are.
              </li>
              <li>
                Standby cost is schedules × the pay rate above × {WEEKS_PER_YEAR} weeks; callout pay is not
                included.
              </li>
            </ul>
            <p className="mt-2">
              Read more in the playbook:{" "}
              <Link href="/playbook/linear-run-costs" className="text-blue-800 underline underline-offset-2">
                Linear run costs
              </Link>
              .
            </p>
          </SectionCard>
        </>
      )}
    </div>
  );
}

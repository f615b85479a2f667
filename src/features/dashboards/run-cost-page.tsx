import Link from "next/link";
import {
  AVAILABILITY_TARGET_LABELS,
  ON_CALL_SETUP_LABELS,
  ON_CALL_SETUPS,
  WEEKS_PER_YEAR,
  type ScheduleSummary,
} from "@/domain/dashboards/run-cost";
import type { RunCostView } from "@/server/dashboards/run-cost";
import { formatAmount, formatInteger } from "./band-palette";
import { OrgDashboardNav } from "./dashboard-nav";
import { EmptyState } from "@/ui/empty-state";

const cellClass = "border-t border-slate-200 px-3 py-2 text-right tabular-nums";
const headClass = "px-3 py-2 text-left font-semibold";

function signed(value: number, format: (value: number) => string): string {
  if (value === 0) return "no change";
  return `${value > 0 ? "+" : "−"}${format(Math.abs(value))}`;
}

function ScheduleCard({ title, summary, rate }: { title: string; summary: ScheduleSummary; rate: number }) {
  return (
    <section
      aria-labelledby={`${title}-heading`.replace(/\W+/g, "-")}
      className="rounded-lg border border-slate-300 bg-white p-5"
    >
      <h2 id={`${title}-heading`.replace(/\W+/g, "-")} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-2 text-3xl font-bold tabular-nums">
        {formatInteger(summary.outOfHoursSchedules)}{" "}
        <span className="text-base font-normal text-slate-700">
          out-of-hours {summary.outOfHoursSchedules === 1 ? "schedule" : "schedules"} for{" "}
          {formatInteger(summary.productTeams)} product teams
        </span>
      </p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
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
    </section>
  );
}

export function RunCostPage({ view }: { view: RunCostView }) {
  const { whatIf, query, cycle } = view;
  const unitName = new Map(view.units.map((unit) => [unit.id, unit.name]));
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Run cost</h1>
        <p className="max-w-3xl text-slate-700">
          How many out-of-hours schedules the product teams run, what standby costs under the R(n) model — n
          schedules, each paid the standby rate R every week — and what choosing cover by availability target
          would change.
        </p>
      </header>
      <OrgDashboardNav current="/org/run-cost" search={cycle ? `?cycle=${cycle.key}` : ""} />

      {!cycle || !whatIf ? (
        <EmptyState title="No assessment cycle yet">
          The run-cost view uses the team context of submitted assessments. It fills in once teams submit.
        </EmptyState>
      ) : (
        <>
          <form
            method="get"
            action="/org/run-cost"
            noValidate
            className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-300 bg-white p-4"
          >
            <div>
              <label htmlFor="run-cost-cycle" className="text-sm font-medium text-slate-800">
                As of cycle
              </label>
              <select
                id="run-cost-cycle"
                name="cycle"
                defaultValue={query.cycle}
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
              <label htmlFor="run-cost-rate" className="text-sm font-medium text-slate-800">
                Standby pay per schedule per week
              </label>
              <p id="run-cost-rate-hint" className="text-xs text-slate-700">
                In your organisation&apos;s currency
              </p>
              <input
                id="run-cost-rate"
                name="rate"
                inputMode="decimal"
                defaultValue={query.rateInput}
                aria-invalid={query.rateError ? true : undefined}
                aria-describedby={
                  query.rateError ? "run-cost-rate-hint run-cost-rate-error" : "run-cost-rate-hint"
                }
                className={`mt-1 block w-40 rounded-md border px-3 py-2 text-sm tabular-nums ${
                  query.rateError ? "border-red-700" : "border-slate-400"
                }`}
              />
              {query.rateError && (
                <p id="run-cost-rate-error" className="mt-1 text-sm text-red-800">
                  {query.rateError} Showing the default of {formatAmount(query.ratePerScheduleWeek)}{" "}
                  meanwhile.
                </p>
              )}
            </div>
            <button
              type="submit"
              className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
            >
              Recalculate
            </button>
          </form>

          <p className="text-slate-800">
            {formatInteger(view.teamsReporting)} teams counted with the on-call setup from their latest
            submitted assessment up to {cycle.name}
            {view.teamsNotReporting > 0
              ? `; ${formatInteger(view.teamsNotReporting)} ${view.teamsNotReporting === 1 ? "team has" : "teams have"} not submitted one yet and ${view.teamsNotReporting === 1 ? "is" : "are"} left out.`
              : "."}
          </p>

          <div className="grid gap-4 lg:grid-cols-2">
            <ScheduleCard title="Now" summary={whatIf.now} rate={whatIf.ratePerScheduleWeek} />
            <ScheduleCard
              title="Under the playbook rule"
              summary={whatIf.underRule}
              rate={whatIf.ratePerScheduleWeek}
            />
          </div>

          <section
            aria-labelledby="difference-heading"
            className="rounded-lg border-2 border-slate-800 bg-white p-5"
          >
            <h2 id="difference-heading" className="text-lg font-semibold">
              What the rule would change
            </h2>
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
          </section>

          <section aria-labelledby="by-target-heading" className="space-y-2">
            <h2 id="by-target-heading" className="text-xl font-semibold">
              By availability target
            </h2>
            <div
              role="region"
              aria-labelledby="by-target-heading"
              tabIndex={0}
              className="overflow-x-auto rounded-lg border border-slate-300 bg-white"
            >
              <table className="min-w-full text-sm">
                <caption className="sr-only">
                  Current out-of-hours setup of the teams per availability target, against the playbook rule
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={headClass}>
                      Target
                    </th>
                    <th scope="col" className={headClass}>
                      Teams
                    </th>
                    {ON_CALL_SETUPS.map((setup) => (
                      <th key={setup} scope="col" className={headClass}>
                        {ON_CALL_SETUP_LABELS[setup]}
                      </th>
                    ))}
                    <th scope="col" className={headClass}>
                      Setup not known
                    </th>
                    <th scope="col" className={headClass}>
                      The rule says
                    </th>
                    <th scope="col" className={headClass}>
                      Teams off the rule
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {whatIf.byTarget.map((row) => (
                    <tr key={row.target ?? "unknown"}>
                      <th scope="row" className="border-t border-slate-200 px-3 py-2 text-left font-medium">
                        {row.target ? AVAILABILITY_TARGET_LABELS[row.target] : "Not known"}
                      </th>
                      <td className={cellClass}>{formatInteger(row.teams)}</td>
                      {ON_CALL_SETUPS.map((setup) => (
                        <td key={setup} className={cellClass}>
                          {formatInteger(row.setups[setup])}
                        </td>
                      ))}
                      <td className={cellClass}>{formatInteger(row.setups.unknown)}</td>
                      <td className="border-t border-slate-200 px-3 py-2">
                        {row.ruleSetup ? ON_CALL_SETUP_LABELS[row.ruleSetup] : "Left as it is"}
                      </td>
                      <td className={cellClass}>{formatInteger(row.teamsOffRule)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="by-unit-heading" className="space-y-2">
            <h2 id="by-unit-heading" className="text-xl font-semibold">
              By org unit
            </h2>
            <div
              role="region"
              aria-labelledby="by-unit-heading"
              tabIndex={0}
              className="max-h-[60vh] overflow-auto rounded-lg border border-slate-300 bg-white"
            >
              <table className="min-w-full text-sm">
                <caption className="sr-only">
                  Out-of-hours schedules per org unit now and under the playbook rule
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={headClass}>
                      Org unit
                    </th>
                    <th scope="col" className={headClass}>
                      Teams counted
                    </th>
                    <th scope="col" className={headClass}>
                      Schedules now
                    </th>
                    <th scope="col" className={headClass}>
                      Under the rule
                    </th>
                    <th scope="col" className={headClass}>
                      Yearly cost difference
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...whatIf.byUnit]
                    .sort((a, b) =>
                      (unitName.get(a.orgUnitId) ?? "").localeCompare(unitName.get(b.orgUnitId) ?? "", "en"),
                    )
                    .map((row) => (
                      <tr key={row.orgUnitId}>
                        <th scope="row" className="border-t border-slate-200 px-3 py-2 text-left font-medium">
                          {unitName.get(row.orgUnitId) ?? "Unknown unit"}
                        </th>
                        <td className={cellClass}>{formatInteger(row.teams)}</td>
                        <td className={cellClass}>{formatInteger(row.schedulesNow)}</td>
                        <td className={cellClass}>{formatInteger(row.schedulesUnderRule)}</td>
                        <td className={cellClass}>
                          {signed(
                            (row.schedulesUnderRule - row.schedulesNow) *
                              whatIf.ratePerScheduleWeek *
                              WEEKS_PER_YEAR,
                            formatAmount,
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </section>

          <section
            aria-labelledby="assumptions-heading"
            className="rounded-lg border border-slate-300 bg-white p-5 text-sm text-slate-800"
          >
            <h2 id="assumptions-heading" className="text-lg font-semibold text-slate-900">
              How this is counted
            </h2>
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
          </section>
        </>
      )}
    </div>
  );
}

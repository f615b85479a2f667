import Link from "next/link";
import { formatDay } from "@/domain/format";
import { TOP_RECOMMENDATIONS_PER_TEAM } from "@/domain/plans/common-countermeasures";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { ExportForm } from "./export-form";
import { PLANS_PATH, teamPlanPath, unitExportBasePath } from "@/contracts/plans/paths";
import type { UnitPlanItemRef, UnitPlanView } from "@/contracts/plans/types";

const headerCell = "px-4 py-3 font-semibold";
const numberHeaderCell = "px-4 py-3 text-right font-semibold";
const cellClass = "px-4 py-3";
const numberCell = "px-4 py-3 text-right tabular-nums";

function ItemTable({
  caption,
  items,
  dateLabel,
  dateOf,
}: {
  caption: string;
  items: readonly UnitPlanItemRef[];
  dateLabel: string;
  dateOf: (item: UnitPlanItemRef) => string | null;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className={headerCell}>
              Team
            </th>
            <th scope="col" className={headerCell}>
              Action
            </th>
            <th scope="col" className={headerCell}>
              Pitfall
            </th>
            <th scope="col" className={headerCell}>
              Owner
            </th>
            <th scope="col" className={headerCell}>
              {dateLabel}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((item) => {
            const date = dateOf(item);
            return (
              <tr key={item.id}>
                <td className={cellClass}>
                  <Link href={teamPlanPath(item.team.slug)} className="text-blue-800 underline underline-offset-4">
                    {item.team.name}
                  </Link>
                </td>
                <td className={cellClass}>{item.action}</td>
                <td className={cellClass}>{item.pitfallName}</td>
                <td className={cellClass}>{item.owner ? item.owner.name : "No owner"}</td>
                <td className={cellClass}>{date ? formatDay(date) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function EmptyNote({ children }: { children: string }) {
  return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">{children}</p>;
}

/** One org unit's plans for its coach: shared countermeasures, overdue items, items done this cycle. */
export function UnitPlanPage({ view }: { view: UnitPlanView }) {
  const { unit } = view;
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href={PLANS_PATH} className="text-blue-800 underline underline-offset-4">
            Remediation plans
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Plans of {unit.name}</h1>
        <p className="max-w-3xl text-slate-700">
          {view.teams.length} team{view.teams.length === 1 ? "" : "s"}. Countermeasures several teams share are worth
          doing once, together.
        </p>
      </div>

      {view.canExport ? (
        <ExportForm
          action={unitExportBasePath(unit.slug)}
          legend={`Download the plans of ${unit.name}`}
          cycles={view.exportCycles}
          description="Every team’s scores, triggered symptoms and plan items for the chosen cycle, team by team. Only owners’ emails are included."
        />
      ) : null}

      <section aria-labelledby="common-heading" className="space-y-3">
        <h2 id="common-heading" className="text-2xl font-semibold">
          Most common countermeasures
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">
          Counted per team: in the team’s plan (and not dropped), or among the top {TOP_RECOMMENDATIONS_PER_TEAM} of
          its latest results.
        </p>
        {view.common.length === 0 ? (
          <EmptyNote>No plan items and no ranked countermeasures yet.</EmptyNote>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Countermeasures by number of teams</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className={headerCell}>
                    Countermeasure
                  </th>
                  <th scope="col" className={numberHeaderCell}>
                    Teams planning it
                  </th>
                  <th scope="col" className={numberHeaderCell}>
                    Teams it ranks top for
                  </th>
                  <th scope="col" className={numberHeaderCell}>
                    Teams in all
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {view.common.map((entry) => (
                  <tr key={entry.countermeasureId}>
                    <th scope="row" className={`${cellClass} font-medium`}>
                      {entry.action}
                    </th>
                    <td className={numberCell}>{entry.teamsPlanning}</td>
                    <td className={numberCell}>{entry.teamsRecommended}</td>
                    <td className={numberCell}>{entry.teamsTotal}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="overdue-heading" className="space-y-3">
        <h2 id="overdue-heading" className="text-2xl font-semibold">
          Overdue ({view.overdue.length})
        </h2>
        {view.overdue.length === 0 ? (
          <EmptyNote>No item is past its due date.</EmptyNote>
        ) : (
          <ItemTable caption="Overdue plan items, most overdue first" items={view.overdue} dateLabel="Due" dateOf={(item) => item.dueOn} />
        )}
      </section>

      <section aria-labelledby="done-heading" className="space-y-3">
        <h2 id="done-heading" className="text-2xl font-semibold">
          Done this cycle ({view.doneThisCycle.length})
        </h2>
        {view.currentCycle ? (
          <p className="text-sm text-slate-700">
            {view.currentCycle.name}: {formatDay(view.currentCycle.opensOn)} to {formatDay(view.currentCycle.closesOn)}.
          </p>
        ) : null}
        {view.doneThisCycle.length === 0 ? (
          <EmptyNote>No item has been done this cycle yet.</EmptyNote>
        ) : (
          <ItemTable
            caption="Plan items done this cycle, latest first"
            items={view.doneThisCycle}
            dateLabel="Done on"
            dateOf={(item) => item.completedAt}
          />
        )}
      </section>

      <section aria-labelledby="teams-heading" className="space-y-3">
        <h2 id="teams-heading" className="text-2xl font-semibold">
          Teams
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Teams of {unit.name} and their plans</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className={headerCell}>
                  Team
                </th>
                <th scope="col" className={headerCell}>
                  Latest results (headline)
                </th>
                <th scope="col" className={numberHeaderCell}>
                  Plan items
                </th>
                <th scope="col" className={numberHeaderCell}>
                  Open
                </th>
                <th scope="col" className={numberHeaderCell}>
                  Overdue
                </th>
                <th scope="col" className={numberHeaderCell}>
                  Done
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {view.teams.map((team) => (
                <tr key={team.slug}>
                  <th scope="row" className={`${cellClass} font-medium`}>
                    <Link href={teamPlanPath(team.slug)} className="text-blue-800 underline underline-offset-4">
                      {team.name}
                    </Link>
                  </th>
                  <td className={cellClass}>
                    {team.latestCycle ? (
                      <div className="space-y-1">
                        <span>{team.latestCycle}</span>
                        {team.headline ? <TeamHeadlineSummary headline={team.headline} size="compact" /> : null}
                      </div>
                    ) : (
                      "None submitted"
                    )}
                  </td>
                  <td className={numberCell}>{team.items}</td>
                  <td className={numberCell}>{team.open}</td>
                  <td className={numberCell}>{team.overdue}</td>
                  <td className={numberCell}>{team.done}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

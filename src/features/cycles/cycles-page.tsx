import Link from "next/link";
import { formatDayLong } from "@/domain/format";
import { StatusBadge } from "@/features/assessments/format";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { CreateCycleForm } from "./create-cycle-form";
import { CycleStatusForm } from "./cycle-status-form";
import type { CyclesPageData } from "@/contracts/cycles/types";

const STATUS_TEXT = { planned: "Planned", open: "Open", closed: "Closed" } as const;

export function CyclesPage({ data }: { data: CyclesPageData }) {
  const openCycle = data.cycles.find((cycle) => cycle.status === "open");
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Assessment cycles</h1>
        <p className="max-w-3xl text-slate-700">
          Each quarter every team answers the questionnaire once. Create the quarter&apos;s cycle, open it
          when teams should start, and close it when it is over. One cycle is open at a time.
        </p>
      </div>

      <section aria-labelledby="cycles-heading" className="space-y-4">
        <h2 id="cycles-heading" className="text-xl font-semibold">
          Cycles
        </h2>
        {data.cycles.length === 0 ? (
          <p className="text-slate-700">No cycles yet. Create the first one below.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Assessment cycles, newest first, with completion counts</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Cycle
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Opens
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Due
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Questionnaire
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Submitted
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    In progress
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Not started
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.cycles.map((cycle) => (
                  <tr key={cycle.id} className="border-b border-slate-100 align-top last:border-0">
                    <th scope="row" className="px-4 py-3 font-medium">
                      {cycle.name}
                    </th>
                    <td className="px-4 py-3">{STATUS_TEXT[cycle.status]}</td>
                    <td className="px-4 py-3">{formatDayLong(cycle.opensOn)}</td>
                    <td className="px-4 py-3">{formatDayLong(cycle.closesOn)}</td>
                    <td className="px-4 py-3">
                      {cycle.questionnaireId}
                      {cycle.questionnaireInstalled ? null : (
                        <span className="block text-xs text-red-800">not installed</span>
                      )}
                    </td>
                    <td className="px-4 py-3 tabular-nums">{cycle.submitted}</td>
                    <td className="px-4 py-3 tabular-nums">{cycle.inProgress}</td>
                    <td className="px-4 py-3 tabular-nums">{cycle.notStarted}</td>
                    <td className="px-4 py-3">
                      <CycleStatusForm
                        cycleId={cycle.id}
                        cycleName={cycle.name}
                        action={cycle.status === "open" ? "close" : "open"}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {openCycle ? (
          <p className="text-sm text-slate-700">
            {openCycle.name} is open. Close it before opening another cycle.
          </p>
        ) : null}
      </section>

      {data.focus ? (
        <section aria-labelledby="teams-heading" className="space-y-4">
          <h2 id="teams-heading" className="text-xl font-semibold">
            Teams in {data.focus.cycleName}
          </h2>
          <p className="max-w-3xl text-sm text-slate-700">
            Open a team&apos;s result to reopen a submitted assessment; a reason is required and recorded in
            the audit log.
          </p>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Completion of each team in {data.focus.cycleName}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Team
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Org unit
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Headline
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    <span className="sr-only">Result</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.focus.teams.map((team) => (
                  <tr key={team.teamHref} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-4 py-2 font-medium">
                      <Link href={team.teamHref} className="text-blue-800 underline hover:text-blue-950">
                        {team.teamName}
                      </Link>
                    </th>
                    <td className="px-4 py-2">{team.orgUnitName}</td>
                    <td className="px-4 py-2">
                      <StatusBadge status={team.status} />
                    </td>
                    <td className="px-4 py-2">
                      {team.headline ? (
                        <TeamHeadlineSummary headline={team.headline} size="compact" />
                      ) : (
                        <span className="text-slate-600">–</span>
                      )}
                    </td>
                    <td className="px-4 py-2">
                      {team.resultHref ? (
                        <Link href={team.resultHref} className="text-blue-800 underline hover:text-blue-950">
                          View result<span className="sr-only"> of {team.teamName}</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section
        aria-labelledby="create-heading"
        className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6"
      >
        <h2 id="create-heading" className="text-xl font-semibold">
          Create a cycle
        </h2>
        <p className="text-sm text-slate-700">
          A new cycle starts as planned. Teams start from their last submitted answers when it opens.
        </p>
        <CreateCycleForm next={data.next} questionnaires={data.questionnaires} />
      </section>
    </div>
  );
}

import { Link } from "@/ui/link";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { StatusBadge } from "./format";
import { teamPath } from "@/contracts/assessments/paths";
import type { MyTeamSummary } from "@/contracts/assessments/types";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { TextLink } from "@/ui/text-link";
import { TERM_GRID_COLUMNS } from "@/ui/term-grid";
import { dueDateWithDistance } from "@/domain/cycles/due-date";

export function MyTeamsPage({ teams }: { teams: MyTeamSummary[] }) {
  return (
    <div className="space-y-6">
      <PageHeader
        title="My teams"
        description={
          <p className="max-w-3xl">
            Each quarter your team checks itself against the seven pitfalls. It takes 10 to 15 minutes, and
            starts from last quarter&apos;s answers.
          </p>
        }
      />
      {teams.length === 0 ? (
        <EmptyState>You are not a lead or member of any team yet. An admin adds people to teams.</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {teams.map((team) => (
            <li key={team.id} className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 className="text-xl font-semibold">
                <Link href={teamPath(team.slug)} className="text-blue-800 underline-offset-2 hover:underline">
                  {team.name}
                </Link>
              </h2>
              <p className="text-sm text-slate-600">
                {team.orgUnitName} · {team.role}
              </p>
              {team.archived ? (
                <p className="mt-3 text-sm text-slate-800">
                  <span className="mr-2 inline-block rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs font-semibold text-amber-950">
                    Archived (read-only)
                  </span>
                  Its assessments and plan can be read but not changed, and it takes part in no cycle.
                </p>
              ) : null}
              <dl className={`mt-4 grid ${TERM_GRID_COLUMNS} gap-x-4 gap-y-2 text-sm`}>
                {team.archived ? null : (
                  <>
                    <dt className="font-medium text-slate-600">Current cycle</dt>
                    <dd>{team.currentCycle ? team.currentCycle.name : "None open"}</dd>
                  </>
                )}
                {team.currentCycle && team.currentStatus ? (
                  <>
                    <dt className="font-medium text-slate-600">Status</dt>
                    <dd>
                      <StatusBadge status={team.currentStatus} />
                    </dd>
                    <dt className="font-medium text-slate-600">Due</dt>
                    <dd>{dueDateWithDistance(team.currentCycle)}</dd>
                  </>
                ) : null}
                <dt className="font-medium text-slate-600">Last result</dt>
                <dd>
                  {team.lastResult ? (
                    <div className="space-y-1">
                      <TextLink href={team.lastResult.href}>{team.lastResult.cycleName} result</TextLink>
                      <TeamHeadlineSummary headline={team.lastResult.headline} size="compact" />
                    </div>
                  ) : (
                    "No submitted assessment yet"
                  )}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

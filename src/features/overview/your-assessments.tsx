import { Link } from "@/ui/link";
import { questionnairePath } from "@/contracts/assessments/paths";
import type { MyTeamSummary } from "@/contracts/assessments/types";
import { StatusBadge } from "@/features/assessments/format";
import { SectionCard } from "@/ui/section-card";
import { dueDateWithDistance } from "@/domain/cycles/due-date";

/** Teams whose assessment of the open cycle still waits, the ones the person leads first. */
export function dueAssessments(teams: readonly MyTeamSummary[]): MyTeamSummary[] {
  return teams
    .filter((team) => team.currentCycle?.status === "open" && team.currentStatus !== "submitted")
    .sort((a, b) => Number(b.role === "Team lead") - Number(a.role === "Team lead"));
}

/**
 * The first thing a team lead or member sees after signing in: their team's assessment of the open
 * cycle, where it stands, when it is due and the one link that continues it.
 */
export function YourAssessments({ teams }: { teams: readonly MyTeamSummary[] }) {
  const due = dueAssessments(teams);
  if (due.length === 0) return null;
  return (
    <SectionCard
      id="your-assessments-heading"
      title={due.length === 1 ? "Your assessment is due" : "Your assessments are due"}
    >
      <ul className="space-y-3">
        {due.map((team) => {
          const cycle = team.currentCycle!;
          const started = team.currentStatus !== "not-started";
          return (
            <li
              key={team.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-4"
            >
              <div className="space-y-1">
                <p className="font-semibold text-slate-900">
                  {team.name}: {cycle.name} assessment
                </p>
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
                  {team.currentStatus ? <StatusBadge status={team.currentStatus} /> : null}
                  <span>Due {dueDateWithDistance(cycle)}</span>
                </p>
                {/* Its own line, not a separator after the due date: that wrapped to lead a line on a phone. */}
                <p className="text-sm text-slate-600">
                  {team.role === "Team lead" ? "You lead this team." : "You are a member of this team."}
                </p>
              </div>
              <Link
                href={questionnairePath(team.slug)}
                className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
              >
                {started ? "Continue" : "Start"} the {cycle.name} assessment
                <span className="sr-only"> for {team.name}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </SectionCard>
  );
}

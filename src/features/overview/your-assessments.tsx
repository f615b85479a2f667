import { Link } from "@/ui/link";
import { questionnairePath } from "@/contracts/assessments/paths";
import type { MyTeamSummary } from "@/contracts/assessments/types";
import { StatusBadge } from "@/features/assessments/format";
import { StartAssessmentForm } from "@/features/assessments/start-assessment-form";
import { SectionCard } from "@/ui/section-card";
import { dueDateWithDistance } from "@/domain/cycles/due-date";

const primaryLink = "rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800";

/** Teams whose assessment of the open cycle still waits, the ones the person leads first. */
export function dueAssessments(teams: readonly MyTeamSummary[]): MyTeamSummary[] {
  return teams
    .filter(
      (team) => !team.archived && team.currentCycle?.status === "open" && team.currentStatus !== "submitted",
    )
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
                  {team.role === "Team lead"
                    ? "You lead this team."
                    : "You are a member of this team: give your own answers; the lead submits the team's."}
                </p>
              </div>
              {team.canSubmit && !started ? (
                // Starting is the step: the button starts the assessment and opens it, rather
                // than leading to a page with the same button again.
                <StartAssessmentForm teamSlug={team.slug} cycleName={cycle.name} teamName={team.name} />
              ) : team.canSubmit ? (
                <Link href={questionnairePath(team.slug)} className={primaryLink}>
                  Continue the {cycle.name} assessment
                  <span className="sr-only"> for {team.name}</span>
                </Link>
              ) : (
                // A member's first part is their own view; the team's shared answers are the lead's to submit.
                <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                  <Link href={team.myAnswersHref} className={primaryLink}>
                    My answers
                    <span className="sr-only">
                      {" "}
                      for the {cycle.name} assessment of {team.name}
                    </span>
                  </Link>
                  <Link
                    href={questionnairePath(team.slug)}
                    className="text-sm font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950"
                  >
                    The team&apos;s answers
                    <span className="sr-only"> for {team.name}</span>
                  </Link>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </SectionCard>
  );
}

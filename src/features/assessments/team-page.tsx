import Link from "next/link";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { teamPlanPath } from "@/contracts/plans/paths";
import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { formatDate, StatusBadge } from "./format";
import { questionnairePath } from "@/contracts/assessments/paths";
import { StartAssessmentForm } from "./start-assessment-form";
import type { TeamOverview } from "@/contracts/assessments/types";

const teamPageLink = "font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950";

const primaryLink =
  "inline-flex rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800";

export function TeamPage({
  overview,
  showMyTeamsCrumb,
}: {
  overview: TeamOverview;
  showMyTeamsCrumb: boolean;
}) {
  const { team, currentCycle, current } = overview;
  return (
    <div className="space-y-8">
      <Breadcrumbs
        crumbs={[...(showMyTeamsCrumb ? [{ label: "My teams", href: "/team" }] : []), { label: team.name }]}
      />
      <div className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">{team.name}</h1>
        <p className="text-slate-700">{team.orgUnitName}</p>
      </div>
      <nav aria-label="Team pages">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href={`/team/${encodeURIComponent(team.slug)}/dashboard`} className={teamPageLink}>
              Dashboard
            </Link>
          </li>
          <li>
            <Link href={teamPlanPath(team.slug)} className={teamPageLink}>
              Remediation plan
            </Link>
          </li>
        </ul>
      </nav>

      <section
        aria-labelledby="current-heading"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-6"
      >
        <h2 id="current-heading" className="text-xl font-semibold">
          {currentCycle ? `${currentCycle.name} assessment` : "Current assessment"}
        </h2>
        {!currentCycle || !current ? (
          <p className="text-slate-700">
            No assessment cycle is open right now. An admin or the head of engineering opens one each quarter.
          </p>
        ) : (
          <>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="font-medium text-slate-600">Status</dt>
              <dd>
                <StatusBadge status={current.status} />
              </dd>
              <dt className="font-medium text-slate-600">Due</dt>
              <dd>{formatDate(currentCycle.closesOn)}</dd>
              {current.status === "draft" || current.status === "reopened" ? (
                <>
                  <dt className="font-medium text-slate-600">Answered</dt>
                  <dd>
                    {current.answered} of {current.total} questions
                  </dd>
                </>
              ) : null}
              {current.submittedAt ? (
                <>
                  <dt className="font-medium text-slate-600">Submitted</dt>
                  <dd>{formatDate(current.submittedAt)}</dd>
                </>
              ) : null}
            </dl>
            <CallToAction overview={overview} />
          </>
        )}
      </section>

      <section aria-labelledby="history-heading" className="space-y-4">
        <h2 id="history-heading" className="text-xl font-semibold">
          History
        </h2>
        {overview.history.length === 0 ? (
          <p className="text-slate-700">No submitted assessments yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Past assessments of {team.name}, newest first</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Cycle
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Headline
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Submitted
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    <span className="sr-only">Result</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.history.map((entry) => (
                  <tr key={entry.assessmentId} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-4 py-2 font-medium">
                      {entry.cycleName}
                      {entry.status === "reopened" ? (
                        <span className="ml-2 text-xs font-normal text-slate-600">(reopened)</span>
                      ) : null}
                    </th>
                    <td className="px-4 py-2">
                      <TeamHeadlineSummary headline={entry.overall.headline} size="compact" />
                    </td>
                    <td className="px-4 py-2">{formatDate(entry.submittedAt)}</td>
                    <td className="px-4 py-2">
                      <Link href={entry.href} className="text-blue-800 underline hover:text-blue-950">
                        View result<span className="sr-only"> for {entry.cycleName}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function CallToAction({ overview }: { overview: TeamOverview }) {
  const { team, currentCycle, current, canAnswer } = overview;
  if (!currentCycle || !current) return null;
  if (current.status === "submitted" && current.resultHref) {
    return (
      <Link href={current.resultHref} className={primaryLink}>
        View the {currentCycle.name} result
      </Link>
    );
  }
  if (!canAnswer) {
    return (
      <p className="text-sm text-slate-700">
        {current.status === "not-started"
          ? "The team has not started this quarter's assessment yet."
          : "The team is still answering."}
      </p>
    );
  }
  if (current.status === "not-started") {
    return <StartAssessmentForm teamSlug={team.slug} cycleName={currentCycle.name} />;
  }
  return (
    <Link href={questionnairePath(team.slug)} className={primaryLink}>
      Continue the {currentCycle.name} assessment
    </Link>
  );
}

import { Link } from "@/ui/link";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { teamPlanPath } from "@/contracts/plans/paths";
import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { progressSentence } from "@/domain/assessments/progress";
import { formatMomentDayLong } from "@/domain/format";
import { StatusBadge } from "./format";
import { questionnairePath } from "@/contracts/assessments/paths";
import { ArchivedTeamNotice } from "./archived-team-notice";
import { StartAssessmentForm } from "./start-assessment-form";
import { reopeningSentence } from "./reopened-notice";
import { InviteTeam } from "./invite-team";
import type { TeamOverview } from "@/contracts/assessments/types";
import type { PulseCardView } from "@/contracts/pulse/views";
import { PulseCard } from "@/features/pulse/pulse-card";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { DataTable, type Column } from "@/ui/table";
import { TextLink } from "@/ui/text-link";
import { TERM_GRID_COLUMNS } from "@/ui/term-grid";
import { dueDateWithDistance } from "@/domain/cycles/due-date";
import { submitterWords } from "@/domain/assessments/submitters";

const teamPageLink = "font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950";

const primaryLink =
  "inline-flex rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800";

type HistoryEntry = TeamOverview["history"][number];

/**
 * Two columns, so the headline keeps its width on a phone: the cycle (a link to its result) with
 * its submission date under it, and the headline.
 */
function historyColumns(timeZone: string): Column<HistoryEntry>[] {
  return [
    {
      key: "cycle",
      header: "Cycle",
      rowHeader: true,
      cell: (entry) => (
        <>
          <TextLink href={entry.href} className="whitespace-nowrap">
            {entry.cycleName}
            <span className="sr-only"> result</span>
          </TextLink>
          {entry.status === "reopened" ? (
            <span className="ml-2 text-xs font-normal text-slate-600">(reopened)</span>
          ) : null}
          <span className="mt-1 block text-xs font-normal text-slate-600">
            Submitted{" "}
            <span className="whitespace-nowrap">{formatMomentDayLong(entry.submittedAt, timeZone)}</span>
          </span>
        </>
      ),
    },
    {
      key: "headline",
      header: "Headline",
      cell: (entry) => <TeamHeadlineSummary headline={entry.overall.headline} size="compact" />,
    },
  ];
}

export function TeamPage({
  overview,
  showMyTeamsCrumb,
  pulse = null,
}: {
  overview: TeamOverview;
  showMyTeamsCrumb: boolean;
  /** The open cycle's anonymous pulse, when it has one. */
  pulse?: PulseCardView | null;
}) {
  const { team, currentCycle, current } = overview;
  return (
    <div className="space-y-8">
      <Breadcrumbs
        crumbs={[...(showMyTeamsCrumb ? [{ label: "My teams", href: "/team" }] : []), { label: team.name }]}
      />
      <PageHeader title={team.name} description={team.orgUnitName} />
      {overview.archived ? <ArchivedTeamNotice /> : null}
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

      <SectionCard
        id="current-heading"
        title={currentCycle ? `${currentCycle.name} assessment` : "Current assessment"}
      >
        {!currentCycle || !current ? (
          <>
            {overview.unsubmittedInClosedCycle ? (
              <UnsubmittedInClosedCycle {...overview.unsubmittedInClosedCycle} />
            ) : null}
            <p className="text-slate-700">
              No assessment cycle is open right now. An admin or the head of engineering opens one each
              quarter.
            </p>
          </>
        ) : (
          <>
            <dl className={`grid ${TERM_GRID_COLUMNS} gap-x-6 gap-y-2 text-sm`}>
              <dt className="font-medium text-slate-600">Status</dt>
              <dd>
                <StatusBadge status={current.status} />
              </dd>
              <dt className="font-medium text-slate-600">Due</dt>
              <dd>{dueDateWithDistance(currentCycle)}</dd>
              {(current.status === "draft" || current.status === "reopened") && current.progress ? (
                <>
                  <dt className="font-medium text-slate-600">Progress</dt>
                  <dd>{progressSentence(current.progress)}</dd>
                </>
              ) : null}
              {current.reopening ? (
                <>
                  <dt className="font-medium text-slate-600">Reopened</dt>
                  <dd data-testid="reopening">{reopeningSentence(current.reopening, overview.timeZone)}</dd>
                </>
              ) : null}
              {current.submittedAt ? (
                <>
                  <dt className="font-medium text-slate-600">Submitted</dt>
                  <dd>{formatMomentDayLong(current.submittedAt, overview.timeZone)}</dd>
                </>
              ) : null}
              {overview.myAnswers ? (
                <>
                  <dt className="font-medium text-slate-600">Your own answers</dt>
                  <dd>
                    {/* For members the link is the page's main button, below. */}
                    {!ownAnswersLead(overview) ? (
                      <>
                        <Link href={overview.myAnswers.href} className={teamPageLink}>
                          My answers
                        </Link>
                        <span className="text-slate-700"> · </span>
                      </>
                    ) : null}
                    <span className="text-slate-700">
                      {overview.myAnswers.progress
                        ? progressSentence(overview.myAnswers.progress)
                        : "none given yet"}
                    </span>
                  </dd>
                </>
              ) : null}
              {overview.spreadHref ? (
                <>
                  <dt className="font-medium text-slate-600">The team&apos;s own answers</dt>
                  <dd>
                    <Link href={overview.spreadHref} className={teamPageLink}>
                      How the team answered
                    </Link>
                  </dd>
                </>
              ) : null}
            </dl>
            <CallToAction overview={overview} />
          </>
        )}
      </SectionCard>

      {overview.invitation && currentCycle ? (
        <InviteTeam invitation={overview.invitation} cycleName={currentCycle.name} />
      ) : null}

      {pulse ? <PulseCard card={pulse} /> : null}

      <SectionCard id="history-heading" title="History" plain>
        <DataTable
          caption={`Past assessments of ${team.name}, newest first`}
          captionHidden
          columns={historyColumns(overview.timeZone)}
          rows={overview.history}
          rowKey={(entry) => entry.assessmentId}
          empty={<EmptyState>No submitted assessments yet.</EmptyState>}
        />
      </SectionCard>
    </div>
  );
}

/** A draft left unsubmitted when its cycle closed: kept, counted, and how it can still be finished. */
function UnsubmittedInClosedCycle({
  cycleName,
  progress,
}: NonNullable<TeamOverview["unsubmittedInClosedCycle"]>) {
  return (
    <div
      className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-sm text-amber-950"
      data-testid="unsubmitted-in-closed-cycle"
    >
      <p className="font-semibold">
        {cycleName} closed before the team&apos;s assessment was submitted
        {progress ? `: ${progressSentence(progress)}` : ""}.
      </p>
      <p className="mt-1">
        Its answers are kept, but it has no result. An admin or the head of engineering can open {cycleName}{" "}
        again so the team can finish and submit it.
      </p>
    </div>
  );
}

/**
 * Whether the person's own answers are the page's main action: for a member who answers but does
 * not submit, while the quarter's assessment is still open to answers.
 */
function ownAnswersLead(overview: TeamOverview): boolean {
  return (
    overview.canAnswer &&
    !overview.canSubmit &&
    overview.myAnswers !== null &&
    overview.current !== null &&
    overview.current.status !== "submitted"
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
  // The archived notice at the top of the page already says why nobody answers.
  if (overview.archived) return null;
  if (!canAnswer) {
    return (
      <p className="text-sm text-slate-700">
        {current.status === "not-started"
          ? "The team has not started this quarter's assessment yet."
          : "The team is still answering."}
      </p>
    );
  }
  if (ownAnswersLead(overview) && overview.myAnswers) {
    // A member's part is their own answers; the team's are shared and submitted by the lead.
    return (
      <div className="space-y-3">
        <Link href={overview.myAnswers.href} className={primaryLink}>
          My answers
        </Link>
        <p className="text-sm text-slate-700">
          {current.status === "not-started" ? (
            `The team's answers are shared, and ${submitterWords(overview.leadNames)} submits them.`
          ) : (
            <>
              The team&apos;s answers are shared, and {submitterWords(overview.leadNames)} submits them:{" "}
              <Link href={questionnairePath(team.slug)} className={teamPageLink}>
                edit the team&apos;s answers
              </Link>
              .
            </>
          )}
        </p>
      </div>
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

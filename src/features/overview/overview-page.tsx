import { Link } from "@/ui/link";
import { cycleDeadlineInWords, dueInWords } from "@/domain/cycles/due-date";
import { earlierCriticalText } from "@/domain/dashboards/org-priorities";
import type { OrganisationOverview, OverviewLinks } from "@/contracts/overview/views";
import { pitfallSummaries } from "./pitfall-summaries";
import { YourAssessments } from "./your-assessments";
import type { MyTeamSummary } from "@/contracts/assessments/types";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { TextLink } from "@/ui/text-link";

export function OverviewPage({
  overview,
  myTeams = [],
}: {
  overview: OrganisationOverview;
  /** The teams the person leads or belongs to: their due assessment comes first. */
  myTeams?: readonly MyTeamSummary[];
}) {
  const { currentCycle, links } = overview;
  const yourUnits = overview.scope.kind === "your-units";
  return (
    <div className="space-y-10">
      <PageHeader
        title="Where does You Build It You Run It hurt?"
        description={
          <p className="max-w-3xl text-lg">
            Every quarter each product team checks itself against the seven known pitfalls of running its own
            services. Pitfall Radar turns the answers into risk scores, shows the whole organisation at a
            glance and points at the countermeasures that help most.
          </p>
        }
      />

      <YourAssessments teams={myTeams} />

      {overview.teamCount === 0 ? (
        <EmptyState title="No teams yet">
          <p>
            An administrator adds org units and product teams, then opens the first quarterly cycle. To look
            around first, start the app in demo mode (
            <code className="rounded bg-slate-100 px-1">npm run demo</code>), which loads an example
            organisation.
          </p>
        </EmptyState>
      ) : (
        <section aria-labelledby="org-heading" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <h2 id="org-heading" className="text-lg font-semibold text-slate-900 sm:col-span-2 lg:col-span-4">
            {overview.scope.kind === "your-units"
              ? `Your units: ${namesInWords(overview.scope.unitNames)}`
              : "The whole organisation"}
          </h2>
          <Stat
            label={yourUnits ? "Your org units" : "Org units"}
            value={overview.orgUnitCount}
            href={links?.rollups}
          />
          <Stat
            label={yourUnits ? "Your product teams" : "Product teams"}
            value={overview.teamCount}
            href={links?.heatmap}
          />
          {currentCycle ? (
            <div className="rounded-lg border border-slate-200 bg-white p-5 sm:col-span-2">
              <p className="text-sm font-medium text-slate-600">
                {currentCycle.status === "open" ? "Current cycle" : "Latest cycle"}
                {yourUnits ? ", your teams" : ""}
              </p>
              <p className="mt-1 text-xl font-semibold">
                {currentCycle.name}{" "}
                <span className="text-base font-normal text-slate-700">
                  ({cycleDeadlineInWords(currentCycle, overview.timeZone)})
                </span>
              </p>
              {currentCycle.status === "open" && currentCycle.daysLeft < 0 && (
                <PastDueNote cycle={currentCycle} canManageCycles={overview.canManageCycles} />
              )}
              <dl
                className={`mt-3 grid ${currentCycle.reopened > 0 ? "grid-cols-4" : "grid-cols-3"} gap-2 text-center`}
              >
                <CompletionCount label="Submitted" value={currentCycle.submitted} href={links?.submitted} />
                {/* Only when there are any: most of the time no assessment is being revised. */}
                {currentCycle.reopened > 0 && (
                  <CompletionCount label="Reopened" value={currentCycle.reopened} href={links?.reopened} />
                )}
                <CompletionCount label="Draft" value={currentCycle.draft} href={links?.draft} />
                <CompletionCount
                  label="Not started"
                  value={currentCycle.notStarted}
                  href={links?.notStarted}
                />
              </dl>
            </div>
          ) : (
            <div className="rounded-lg border border-dashed border-slate-300 bg-white p-5 sm:col-span-2">
              <p className="font-semibold">No assessment cycle yet</p>
              <p className="mt-1 text-slate-700">
                An administrator opens a quarterly cycle to start assessments.
              </p>
            </div>
          )}
        </section>
      )}

      {links && currentCycle && overview.criticalTeams !== null && (
        <AtRiskCard
          title={yourUnits ? "Where your units are at risk" : "Where we are at risk"}
          cycle={currentCycle.status === "open" ? "the current cycle" : "the latest cycle"}
          criticalTeams={overview.criticalTeams}
          submitted={currentCycle.submitted + currentCycle.reopened}
          earlierCriticalTeams={overview.earlierCriticalTeams ?? []}
          previousCycleName={overview.previousCycleName}
          links={links}
        />
      )}

      <SectionCard
        id="pitfalls-heading"
        title="The seven pitfalls"
        plain
        actions={<TextLink href="/playbook">Read the playbook</TextLink>}
      >
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {pitfallSummaries().map((pitfall) => (
            <li key={pitfall.id}>
              <Link
                href={`/playbook/${pitfall.id}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-400"
              >
                <span className="font-semibold text-slate-900">{pitfall.name}</span>
                <span className="mt-1 block text-sm text-slate-700">{pitfall.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      </SectionCard>
    </div>
  );
}

/** A figure, as a link to the view that lists what it counts when the viewer may open that view. */
function Figure({ value, href, label }: { value: number; href: string | undefined; label: string }) {
  if (!href) return <>{value}</>;
  return (
    <Link href={href} className="text-blue-800 underline underline-offset-4 hover:text-blue-950">
      {value}
      <span className="sr-only"> {label}: show them</span>
    </Link>
  );
}

interface CountProps {
  label: string;
  value: number;
  href?: string;
}

/** A labelled count: a card of its own (`stat`) or a term of the cycle's completion list. */
function LabelledCount({ label, value, href, look }: CountProps & { look: "stat" | "completion" }) {
  const [Label, Value] = look === "stat" ? (["p", "p"] as const) : (["dt", "dd"] as const);
  const styles = {
    stat: [
      "rounded-lg border border-slate-200 bg-white p-5",
      "text-sm font-medium",
      "mt-1 text-3xl font-bold",
    ],
    completion: [
      "rounded bg-slate-50 p-2",
      "text-xs font-medium uppercase tracking-wide",
      "text-2xl font-semibold",
    ],
  }[look];
  return (
    <div className={styles[0]}>
      <Label className={`${styles[1]} text-slate-600`}>{label}</Label>
      <Value className={styles[2]}>
        <Figure value={value} href={href} label={label} />
      </Value>
    </div>
  );
}

const Stat = (props: CountProps) => <LabelledCount {...props} look="stat" />;
const CompletionCount = (props: CountProps) => <LabelledCount {...props} look="completion" />;

/** "Payments", "Payments and Search", "Data, Payments and Search". */
function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "none yet";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * An open cycle past its due date is still every team's current cycle: said plainly, since it may
 * be an old quarter opened again for corrections and left open.
 */
function PastDueNote({
  cycle,
  canManageCycles,
}: {
  cycle: { name: string; daysLeft: number };
  canManageCycles: boolean;
}) {
  return (
    <p className="mt-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <strong>Past its due date</strong> ({dueInWords(cycle.daysLeft)}): {cycle.name} is still open, so it is
      the current cycle for every team.{" "}
      {canManageCycles ? (
        <TextLink href="/cycles">Close it or open another on the cycles page</TextLink>
      ) : (
        "The head of engineering closes it when the quarter is over."
      )}
    </p>
  );
}

function AtRiskCard({
  title,
  cycle,
  criticalTeams,
  submitted,
  earlierCriticalTeams,
  previousCycleName,
  links,
}: {
  title: string;
  cycle: string;
  criticalTeams: number;
  /** Teams with results in the cycle (a reopened one's last submitted results included). */
  submitted: number;
  /** Not in `criticalTeams`: teams not yet submitted whose last result was Critical. */
  earlierCriticalTeams: readonly { cycleName: string }[];
  /** The cycle before, which At risk's biggest changes compare with; null when there is none. */
  previousCycleName: string | null;
  links: OverviewLinks;
}) {
  return (
    <SectionCard id="at-risk-heading" title={title}>
      <p className="text-lg">
        <span className="text-3xl font-bold">
          <Figure value={criticalTeams} href={links.critical} label="Critical teams" />
        </span>{" "}
        {criticalTeams === 1 ? "team has" : "teams have"} a pitfall at Critical in {cycle}, of {submitted}{" "}
        submitted.
      </p>
      {earlierCriticalTeams.length > 0 && (
        <p className="mt-2">
          <TextLink href={links.earlierCritical}>{earlierCriticalText(earlierCriticalTeams)}</TextLink>: not
          yet in the count above.
        </p>
      )}
      {previousCycleName !== null && (
        <p className="mt-2">
          <TextLink href={links.changes}>Biggest changes since {previousCycleName}</TextLink>: the teams whose
          results moved most, for worse and for better.
        </p>
      )}
      <p className="mt-2">
        <TextLink href={links.priorities}>Which pitfalls put us most at risk, and what to do first</TextLink>
      </p>
    </SectionCard>
  );
}

import Link from "next/link";
import { formatDayLong } from "@/domain/format";
import type { OrganisationOverview } from "@/contracts/overview/views";
import { pitfallSummaries } from "./pitfall-summaries";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { TextLink } from "@/ui/text-link";

export function OverviewPage({ overview }: { overview: OrganisationOverview }) {
  const { currentCycle } = overview;
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
          <h2 id="org-heading" className="sr-only">
            Organisation at a glance
          </h2>
          <Stat label="Org units" value={overview.orgUnitCount} />
          <Stat label="Product teams" value={overview.teamCount} />
          {currentCycle ? (
            <div className="rounded-lg border border-slate-200 bg-white p-5 sm:col-span-2">
              <p className="text-sm font-medium text-slate-600">
                {currentCycle.status === "open" ? "Current cycle" : "Latest cycle"}
              </p>
              <p className="mt-1 text-xl font-semibold">
                {currentCycle.name}{" "}
                <span className="text-base font-normal text-slate-700">
                  ({currentCycle.status === "open" ? "closes" : "closed"}{" "}
                  {formatDayLong(currentCycle.closesOn)})
                </span>
              </p>
              <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
                <CompletionCount label="Submitted" value={currentCycle.submitted} />
                <CompletionCount label="Draft" value={currentCycle.draft} />
                <CompletionCount label="Not started" value={currentCycle.notStarted} />
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

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5">
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p className="mt-1 text-3xl font-bold">{value}</p>
    </div>
  );
}

function CompletionCount({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded bg-slate-50 p-2">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold">{value}</dd>
    </div>
  );
}

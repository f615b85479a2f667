import { formatDay } from "@/domain/format";
import { TOP_RECOMMENDATIONS_PER_TEAM } from "@/domain/plans/common-countermeasures";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { DataTable, type Column } from "@/ui/table";
import { BackLink, TextLink } from "@/ui/text-link";
import { ExportForm } from "./export-form";
import { planCountColumns } from "./plan-count-columns";
import { PLANS_PATH, teamPlanPath, unitExportBasePath } from "@/contracts/plans/paths";
import type { UnitPlanItemRef, UnitPlanView } from "@/contracts/plans/types";

type TeamRow = UnitPlanView["teams"][number];
type CommonRow = UnitPlanView["common"][number];

function itemColumns(
  dateLabel: string,
  dateOf: (item: UnitPlanItemRef) => string | null,
): Column<UnitPlanItemRef>[] {
  return [
    {
      key: "team",
      header: "Team",
      cell: (item) => <TextLink href={teamPlanPath(item.team.slug)}>{item.team.name}</TextLink>,
    },
    { key: "action", header: "Action", cell: (item) => item.action },
    { key: "pitfall", header: "Pitfall", cell: (item) => item.pitfallName },
    { key: "owner", header: "Owner", cell: (item) => (item.owner ? item.owner.name : "No owner") },
    {
      key: "date",
      header: dateLabel,
      cell: (item) => {
        const date = dateOf(item);
        return date ? formatDay(date) : "—";
      },
    },
  ];
}

const commonColumns: Column<CommonRow>[] = [
  { key: "action", header: "Countermeasure", rowHeader: true, cell: (entry) => entry.action },
  { key: "planning", header: "Teams planning it", numeric: true, cell: (entry) => entry.teamsPlanning },
  {
    key: "recommended",
    header: "Teams it ranks top for",
    numeric: true,
    cell: (entry) => entry.teamsRecommended,
  },
  { key: "total", header: "Teams in all", numeric: true, cell: (entry) => entry.teamsTotal },
];

const teamColumns: Column<TeamRow>[] = [
  {
    key: "team",
    header: "Team",
    rowHeader: true,
    cell: (team) => <TextLink href={teamPlanPath(team.slug)}>{team.name}</TextLink>,
  },
  {
    key: "latest",
    header: "Latest results (headline)",
    cell: (team) =>
      team.latestCycle ? (
        <div className="space-y-1">
          <span>{team.latestCycle}</span>
          {team.headline ? <TeamHeadlineSummary headline={team.headline} size="compact" /> : null}
        </div>
      ) : (
        "None submitted"
      ),
  },
  ...planCountColumns<TeamRow>(),
];

/** One org unit's plans for its coach: shared countermeasures, overdue items, items done this cycle. */
export function UnitPlanPage({ view }: { view: UnitPlanView }) {
  const { unit } = view;
  return (
    <div className="space-y-10">
      <PageHeader
        title={`Plans of ${unit.name}`}
        description={
          <p className="max-w-3xl">
            {view.teams.length} team{view.teams.length === 1 ? "" : "s"}. Countermeasures several teams share
            are worth doing once, together.
          </p>
        }
      >
        <BackLink href={PLANS_PATH}>Remediation plans</BackLink>
      </PageHeader>

      {view.canExport ? (
        <ExportForm
          action={unitExportBasePath(unit.slug)}
          legend={`Download the plans of ${unit.name}`}
          cycles={view.exportCycles}
          description="Every team’s scores, triggered symptoms and plan items for the chosen cycle, team by team. Only owners’ emails are included."
        />
      ) : null}

      <SectionCard
        title="Most common countermeasures"
        id="common-heading"
        plain
        description={
          <p className="max-w-3xl">
            Counted per team: in the team’s plan (and not dropped), or among the top{" "}
            {TOP_RECOMMENDATIONS_PER_TEAM} of its latest results.
          </p>
        }
      >
        <DataTable
          caption="Countermeasures by number of teams"
          captionHidden
          columns={commonColumns}
          rows={view.common}
          rowKey={(entry) => entry.countermeasureId}
          empty={<EmptyState>No plan items and no ranked countermeasures yet.</EmptyState>}
        />
      </SectionCard>

      <SectionCard title={`Overdue (${view.overdue.length})`} id="overdue-heading" plain>
        <DataTable
          caption="Overdue plan items, most overdue first"
          captionHidden
          columns={itemColumns("Due", (item) => item.dueOn)}
          rows={view.overdue}
          rowKey={(item) => item.id}
          empty={<EmptyState>No item is past its due date.</EmptyState>}
        />
      </SectionCard>

      <SectionCard
        title={`Done this cycle (${view.doneThisCycle.length})`}
        id="done-heading"
        plain
        description={
          view.currentCycle ? (
            <p>
              {view.currentCycle.name}: {formatDay(view.currentCycle.opensOn)} to{" "}
              {formatDay(view.currentCycle.closesOn)}.
            </p>
          ) : null
        }
      >
        <DataTable
          caption="Plan items done this cycle, latest first"
          captionHidden
          columns={itemColumns("Done on", (item) => item.completedAt)}
          rows={view.doneThisCycle}
          rowKey={(item) => item.id}
          empty={<EmptyState>No item has been done this cycle yet.</EmptyState>}
        />
      </SectionCard>

      <SectionCard title="Teams" id="teams-heading" plain>
        <DataTable
          caption={`Teams of ${unit.name} and their plans`}
          captionHidden
          columns={teamColumns}
          rows={view.teams}
          rowKey={(team) => team.slug}
          empty={null}
        />
      </SectionCard>
    </div>
  );
}

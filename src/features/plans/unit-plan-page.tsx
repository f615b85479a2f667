import type { ReactNode } from "react";
import { formatDay, formatMomentDay } from "@/domain/format";
import { TOP_RECOMMENDATIONS_PER_TEAM } from "@/domain/plans/common-countermeasures";
import { commonCountermeasuresNote } from "@/domain/plans/unit-summary";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { DataTable, type Column } from "@/ui/table";
import { BackLink, TextLink } from "@/ui/text-link";
import { CampaignForm } from "./campaign-form";
import { ExportForm } from "./export-form";
import { planCountColumns } from "./plan-count-columns";
import { PLANS_PATH, teamPlanPath, unitExportBasePath } from "@/contracts/plans/paths";
import type { UnitPlanItemRef, UnitPlanView } from "@/contracts/plans/types";

type TeamRow = UnitPlanView["teams"][number];
type CommonRow = UnitPlanView["common"][number];

/** `dateOf` gives the item's date for the last column, written by `formatDate`. */
function itemColumns(
  dateLabel: string,
  dateOf: (item: UnitPlanItemRef) => string | null,
  formatDate: (date: string) => string,
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
        return date ? formatDate(date) : "—";
      },
    },
  ];
}

const commonColumns: Column<CommonRow>[] = [
  { key: "action", header: "Countermeasure", rowHeader: true, cell: (entry) => entry.action },
  { key: "planning", header: "Teams planning it", numeric: true, cell: (entry) => entry.teamsPlanning },
  {
    key: "recommended",
    header: `Teams with it in their top ${TOP_RECOMMENDATIONS_PER_TEAM}`,
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

/** A titled list of the unit's plan items (overdue, done this cycle), or a note when there are none. */
function ItemSection({
  title,
  id,
  description,
  caption,
  items,
  columns,
  empty,
}: {
  title: string;
  id: string;
  description?: ReactNode;
  caption: string;
  items: readonly UnitPlanItemRef[];
  columns: Column<UnitPlanItemRef>[];
  empty: string;
}) {
  return (
    <SectionCard title={title} id={id} plain description={description}>
      <DataTable
        stackOnPhones
        caption={caption}
        captionHidden
        columns={columns}
        rows={items}
        rowKey={(item) => item.id}
        empty={<EmptyState>{empty}</EmptyState>}
      />
    </SectionCard>
  );
}

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
          description="Every team’s scores, triggered symptoms and plan items for the chosen cycle, team by team. The only people named are plan items’ owners: by name, and by email in the Jira CSV and JSON."
        />
      ) : null}

      <SectionCard
        title="Most common countermeasures"
        id="common-heading"
        plain
        description={
          <p className="max-w-3xl">
            {view.commonBasis
              ? commonCountermeasuresNote(view.commonBasis, view.commonBasis.cycleName)
              : `Counted per team: in its plan (and not dropped), or among the top ${TOP_RECOMMENDATIONS_PER_TEAM} countermeasures of its latest result; no team has a result yet.`}
          </p>
        }
      >
        <DataTable
          stackOnPhones
          caption="Countermeasures by number of teams"
          captionHidden
          columns={commonColumns}
          rows={view.common}
          rowKey={(entry) => entry.countermeasureId}
          empty={<EmptyState>No plan items and no ranked countermeasures yet.</EmptyState>}
        />
      </SectionCard>

      {view.campaign ? <CampaignForm unitSlug={unit.slug} view={view.campaign} /> : null}

      <ItemSection
        title={`Overdue (${view.overdue.length})`}
        id="overdue-heading"
        caption="Overdue plan items, most overdue first"
        items={view.overdue}
        columns={itemColumns("Due", (item) => item.dueOn, formatDay)}
        empty="No item is past its due date."
      />

      <ItemSection
        title={`Done this cycle (${view.doneThisCycle.length})`}
        id="done-heading"
        description={
          view.currentCycle ? (
            <p>
              {view.currentCycle.name}: {formatDay(view.currentCycle.opensOn)} to{" "}
              {formatDay(view.currentCycle.closesOn)}.
            </p>
          ) : null
        }
        caption="Plan items done this cycle, latest first"
        items={view.doneThisCycle}
        columns={itemColumns(
          "Done on",
          (item) => item.completedAt,
          (completedAt) => formatMomentDay(completedAt, view.timeZone),
        )}
        empty="No item has been done this cycle yet."
      />

      <SectionCard title="Teams" id="teams-heading" plain>
        <DataTable
          stackOnPhones
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

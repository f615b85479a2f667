import type { OrgUnitDetailDto } from "@/contracts/admin/views";
import { orgUnitArchiveBlocker } from "@/domain/org/archive";
import {
  archiveOrgUnitAction,
  moveOrgUnitAction,
  renameOrgUnitAction,
  unarchiveOrgUnitAction,
} from "@/server/admin/org-actions";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { DataTable } from "@/ui/table";
import { TextLink } from "@/ui/text-link";
import { OrgBreadcrumb } from "./org-breadcrumb";
import { CreateTeamForm } from "./org-forms";
import { OrgSettings } from "./org-settings";

export function OrgUnitDetail({ detail }: { detail: OrgUnitDetailDto }) {
  const { unit } = detail;
  const activeTeams = detail.teams.filter((team) => !team.archived).length;
  const activeChildren = detail.children.filter((child) => !child.archived).length;
  return (
    <div className="space-y-8">
      <PageHeader
        title={unit.name}
        description={
          <p>
            {unit.parentId
              ? `Inside ${unit.path.split(" / ").slice(0, -1).join(" / ")}`
              : "Top-level org unit"}
            {unit.archived ? " · archived" : ""}
          </p>
        }
      >
        <OrgBreadcrumb />
      </PageHeader>

      <SectionCard title="Teams" id="teams-heading" plain>
        <DataTable
          stackOnPhones
          caption={`Teams in ${unit.name}`}
          captionHidden
          className="max-w-3xl"
          columns={[
            {
              key: "team",
              header: "Team",
              rowHeader: true,
              cell: (team) => <TextLink href={`/admin/org/teams/${team.id}`}>{team.name}</TextLink>,
            },
            { key: "slug", header: "Slug", cell: (team) => team.slug, className: "font-mono text-xs" },
            { key: "people", header: "Roles held", cell: (team) => team.people },
            { key: "status", header: "Status", cell: (team) => (team.archived ? "Archived" : "Active") },
          ]}
          rows={detail.teams}
          rowKey={(team) => team.id}
          empty={<EmptyState>No teams in this unit yet.</EmptyState>}
        />
        {unit.archived ? null : (
          <div className="max-w-md space-y-3 rounded-lg border border-slate-200 bg-white p-5">
            <h3 className="text-lg font-semibold">Add a team to {unit.name}</h3>
            <CreateTeamForm units={[]} orgUnitId={unit.id} />
          </div>
        )}
      </SectionCard>

      {detail.children.length ? (
        <SectionCard title={`Org units inside ${unit.name}`} id="children-heading" plain>
          <ul className="list-disc space-y-1 pl-6">
            {detail.children.map((child) => (
              <li key={child.id}>
                <TextLink href={`/admin/org/units/${child.id}`}>{child.name}</TextLink>
                {child.archived ? " (archived)" : ""}
              </li>
            ))}
          </ul>
        </SectionCard>
      ) : null}

      <OrgSettings
        idField="orgUnitId"
        id={unit.id}
        name={unit.name}
        archived={unit.archived}
        rename={{ action: renameOrgUnitAction, label: "Org unit name" }}
        move={{
          action: moveOrgUnitAction,
          heading: "Move",
          targetField: "parentId",
          label: "Place inside",
          placeholder: "Top level (no parent)",
          options: detail.parentOptions.map((option) => ({ value: option.id, label: option.label })),
          current: unit.parentId ?? "",
        }}
        archive={{
          archiveAction: archiveOrgUnitAction,
          unarchiveAction: unarchiveOrgUnitAction,
          explanation:
            "An archived unit leaves the heatmap and the pickers; its history stays. A unit can only be archived once its teams and the units inside it are archived or moved.",
          triggerLabel: "Archive org unit",
          blockedReason: orgUnitArchiveBlocker({ name: unit.name, activeTeams, activeChildren }),
          description: `${unit.name} will no longer appear on the heatmap or in pickers. You can unarchive it later.`,
        }}
      />
    </div>
  );
}

import { ROLE_LABELS, ROLES, type Role } from "@/domain/access/policy";
import type { TeamDetailDto } from "@/contracts/admin/views";
import {
  archiveTeamAction,
  moveTeamAction,
  renameTeamAction,
  unarchiveTeamAction,
} from "@/server/admin/org-actions";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { DataTable } from "@/ui/table";
import { TextLink } from "@/ui/text-link";
import { OrgBreadcrumb } from "./org-breadcrumb";
import { OrgSettings } from "./org-settings";

function roleLabel(role: string): string {
  return (ROLES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role] : role;
}

export function TeamDetail({ detail }: { detail: TeamDetailDto }) {
  const { team } = detail;
  return (
    <div className="space-y-8">
      <PageHeader
        title={team.name}
        description={
          <p>
            Slug <span className="font-mono text-sm">{team.slug}</span>
            {team.archived ? " · archived" : ""}
          </p>
        }
      >
        <OrgBreadcrumb unit={{ href: `/admin/org/units/${team.orgUnitId}`, name: team.orgUnitPath }} />
      </PageHeader>

      <SectionCard title="People" id="people-heading" plain>
        <DataTable
          stackOnPhones
          caption={`People with a role on ${team.name}`}
          captionHidden
          className="max-w-3xl"
          columns={[
            {
              key: "name",
              header: "Name",
              rowHeader: true,
              cell: (person) => (
                <>
                  <TextLink href={`/admin/people/${person.userId}`}>{person.name}</TextLink>
                  {person.deactivated ? " (deactivated)" : ""}
                </>
              ),
            },
            { key: "email", header: "Email", cell: (person) => person.email },
            { key: "role", header: "Role", cell: (person) => roleLabel(person.role) },
          ]}
          rows={detail.people}
          rowKey={(person) => `${person.userId}-${person.role}`}
          empty={
            <EmptyState>
              No one has a role on this team yet. Give roles on a person’s page under People.
            </EmptyState>
          }
        />
      </SectionCard>

      <OrgSettings
        idField="teamId"
        id={team.id}
        name={team.name}
        archived={team.archived}
        rename={{ action: renameTeamAction, label: "Team name" }}
        move={{
          action: moveTeamAction,
          heading: "Move to another org unit",
          targetField: "orgUnitId",
          label: "Org unit",
          options: detail.unitOptions.map((option) => ({ value: option.id, label: option.label })),
          current: team.orgUnitArchived ? "" : team.orgUnitId,
          placeholder: team.orgUnitArchived ? "Choose an org unit" : undefined,
        }}
        archive={{
          archiveAction: archiveTeamAction,
          unarchiveAction: unarchiveTeamAction,
          explanation:
            "An archived team leaves the heatmap and new cycles. Its assessments, plans and roles stay, and you can unarchive it later.",
          triggerLabel: "Archive team",
          description: `${team.name} will no longer appear on the heatmap or in new cycles. Its history is kept.`,
        }}
      />
    </div>
  );
}

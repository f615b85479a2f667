import { Link } from "@/ui/link";
import type { TreeNode } from "@/domain/org/org-tree";
import type { OrgStructureDto, OrgUnitSummaryDto } from "@/contracts/admin/views";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { CreateOrgUnitForm, CreateTeamForm } from "./org-forms";

function teamCount(unit: OrgUnitSummaryDto): string {
  const active = `${unit.activeTeams} team${unit.activeTeams === 1 ? "" : "s"}`;
  return unit.archivedTeams ? `${active}, ${unit.archivedTeams} archived` : active;
}

function UnitList({ nodes }: { nodes: TreeNode<OrgUnitSummaryDto>[] }) {
  return (
    <ul className="space-y-1 border-l border-slate-200 pl-4">
      {nodes.map((node) => (
        <li key={node.unit.id}>
          <div className="flex flex-wrap items-baseline gap-x-2 py-1">
            <Link
              href={`/admin/org/units/${node.unit.id}`}
              className={`font-medium underline underline-offset-4 ${node.unit.archived ? "text-slate-600" : "text-blue-800"}`}
            >
              {node.unit.name}
            </Link>
            <span className="text-sm text-slate-600">
              {teamCount(node.unit)}
              {node.unit.archived ? " · archived" : ""}
            </span>
          </div>
          {node.children.length ? <UnitList nodes={node.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function OrgStructure({ structure }: { structure: OrgStructureDto }) {
  const units = structure.unitOptions.map((unit) => ({ value: unit.id, label: unit.label }));
  return (
    <div className="space-y-8">
      <PageHeader
        title="Org units and teams"
        description={
          <p>
            Org units group product teams (a unit can sit inside another). Choose a unit to rename, move or
            archive it and to manage its teams.
          </p>
        }
      />

      <SectionCard title="Organisation" id="tree-heading" plain>
        {structure.tree.length === 0 ? (
          <EmptyState>
            There are no org units yet. Add the first one below, or import your organisation from a CSV file.
          </EmptyState>
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <UnitList nodes={structure.tree} />
          </div>
        )}
      </SectionCard>

      <div className="grid gap-6 md:grid-cols-2">
        <SectionCard title="Add an org unit" id="add-unit-heading">
          <CreateOrgUnitForm units={units} />
        </SectionCard>
        <SectionCard title="Add a team" id="add-team-heading">
          {units.length ? (
            <CreateTeamForm units={units} />
          ) : (
            <p className="text-slate-700">Add an org unit first: every team belongs to one.</p>
          )}
        </SectionCard>
      </div>
    </div>
  );
}

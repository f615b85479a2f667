import { ExportForm } from "./export-form";
import { planCountColumns } from "./plan-count-columns";
import { HEATMAP_EXPORT_PATH, unitPlanPath } from "@/contracts/plans/paths";
import type { PlansIndexView } from "@/contracts/plans/types";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { DataTable, type Column } from "@/ui/table";
import { TextLink } from "@/ui/text-link";

type UnitRow = PlansIndexView["units"][number];

const unitColumns: Column<UnitRow>[] = [
  {
    key: "unit",
    header: "Org unit",
    rowHeader: true,
    cell: (unit) => <TextLink href={unitPlanPath(unit.slug)}>{unit.name}</TextLink>,
  },
  { key: "teams", header: "Teams", numeric: true, cell: (unit) => unit.teams },
  ...planCountColumns<UnitRow>(),
];

/** The org units a coach (or head of engineering) looks after, with how their plans stand. */
export function PlansIndexPage({ view }: { view: PlansIndexView }) {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Remediation plans"
        description={
          <p className="max-w-3xl">
            The org units you can see, with their teams’ plan items. Open a unit for the countermeasures its
            teams share, the items that are overdue and those done this cycle.
          </p>
        }
      />

      <DataTable
        stackOnPhones
        caption="Org units and their plan items"
        captionHidden
        columns={unitColumns}
        rows={view.units}
        rowKey={(unit) => unit.id}
        empty={
          <EmptyState>
            You have no org units to look after. Coaches see the units they coach; heads of engineering see
            every unit. A team’s own plan is on the team’s page.
          </EmptyState>
        }
      />

      {view.units.length > 0 ? <HeatmapExportForm view={view} /> : null}
    </div>
  );
}

function HeatmapExportForm({ view }: { view: PlansIndexView }) {
  if (view.heatmapCycles.length === 0) {
    return (
      <EmptyState>The heatmap export becomes available once a team has submitted an assessment.</EmptyState>
    );
  }
  return (
    <ExportForm
      action={HEATMAP_EXPORT_PATH}
      legend="Download the heatmap"
      cycles={view.heatmapCycles}
      description="Every team of these org units for the chosen cycle, as CSV for a spreadsheet: its completion, its headline and its score and band per pitfall; for a team that has not submitted, its last result and the cycle it comes from. The Organisation page downloads the view it shows, with its filters."
      buttons={[{ label: "Download heatmap CSV" }]}
    />
  );
}

import Link from "next/link";
import { ExportForm } from "./export-form";
import { HEATMAP_EXPORT_PATH, unitPlanPath } from "@/contracts/plans/paths";
import type { PlansIndexView } from "@/contracts/plans/types";

/** The org units a coach (or head of engineering) looks after, with how their plans stand. */
export function PlansIndexPage({ view }: { view: PlansIndexView }) {
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Remediation plans</h1>
        <p className="max-w-3xl text-slate-700">
          The org units you can see, with their teams’ plan items. Open a unit for the countermeasures its teams
          share, the items that are overdue and those done this cycle.
        </p>
      </div>

      {view.units.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
          You have no org units to look after. Coaches see the units they coach; heads of engineering see every unit.
          A team’s own plan is on the team’s page.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Org units and their plan items</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Org unit
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Teams
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Plan items
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Open
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Overdue
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Done
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {view.units.map((unit) => (
                <tr key={unit.id}>
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link href={unitPlanPath(unit.slug)} className="text-blue-800 underline underline-offset-4">
                      {unit.name}
                    </Link>
                  </th>
                  <td className="px-4 py-3 text-right tabular-nums">{unit.teams}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{unit.items}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{unit.open}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{unit.overdue}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{unit.done}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {view.units.length > 0 ? <HeatmapExportForm view={view} /> : null}
    </div>
  );
}

function HeatmapExportForm({ view }: { view: PlansIndexView }) {
  if (view.heatmapCycles.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
        The heatmap export becomes available once a team has submitted an assessment.
      </p>
    );
  }
  return (
    <ExportForm
      action={HEATMAP_EXPORT_PATH}
      legend="Download the heatmap"
      cycles={view.heatmapCycles}
      description="Every team of these org units with its score and band per pitfall for the chosen cycle, as CSV for a spreadsheet."
      buttons={[{ label: "Download heatmap CSV" }]}
    />
  );
}

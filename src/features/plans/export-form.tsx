import { useId } from "react";
import { PLAN_EXPORT_FORMATS, PLAN_EXPORT_FORMAT_LABELS, type PlanExportFormat } from "@/domain/plans/export-formats";
import type { CycleOption } from "@/contracts/plans/types";

/**
 * Downloads as a plain GET form: a cycle to export and one button per format. It works without
 * JavaScript, and the browser saves the file under the name the server gives it.
 */
export function ExportForm({
  action,
  legend,
  cycles,
  description,
  buttons = PLAN_EXPORT_FORMATS.map((format) => ({ label: `Download ${PLAN_EXPORT_FORMAT_LABELS[format]}`, format })),
}: {
  action: string;
  legend: string;
  cycles: readonly CycleOption[];
  description: string;
  /** One submit button each; a button with a format sends it as the `format` parameter. */
  buttons?: readonly { label: string; format?: PlanExportFormat }[];
}) {
  const cycleId = useId();
  const descriptionId = useId();
  return (
    <form method="get" action={action} className="rounded-lg border border-slate-200 bg-white p-5">
      <fieldset className="space-y-3" aria-describedby={descriptionId}>
        <legend className="text-lg font-semibold">{legend}</legend>
        <p id={descriptionId} className="text-sm text-slate-700">
          {description}
        </p>
        {cycles.length > 0 ? (
          <div className="max-w-xs">
            <label htmlFor={cycleId} className="block text-sm font-medium text-slate-900">
              Cycle
            </label>
            <select
              id={cycleId}
              name="cycle"
              defaultValue={cycles[0]!.slug}
              className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm"
            >
              {cycles.map((cycle) => (
                <option key={cycle.slug} value={cycle.slug}>
                  {cycle.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {buttons.map((button) => (
            <button
              key={button.label}
              type="submit"
              name={button.format ? "format" : undefined}
              value={button.format}
              className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50"
            >
              {button.label}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}

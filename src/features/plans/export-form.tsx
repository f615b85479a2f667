import { useId } from "react";
import {
  PLAN_EXPORT_FORMATS,
  PLAN_EXPORT_FORMAT_LABELS,
  type PlanExportFormat,
} from "@/domain/plans/export-formats";
import type { CycleOption } from "@/contracts/plans/types";
import { Button } from "@/ui/button";
import { SelectField } from "@/ui/select-field";

/**
 * Downloads as a plain GET form: a cycle to export and one button per format. It works without
 * JavaScript, and the browser saves the file under the name the server gives it.
 */
export function ExportForm({
  action,
  legend,
  cycles,
  description,
  buttons = PLAN_EXPORT_FORMATS.map((format) => ({
    label: `Download ${PLAN_EXPORT_FORMAT_LABELS[format]}`,
    format,
  })),
}: {
  action: string;
  legend: string;
  cycles: readonly CycleOption[];
  description: string;
  /** One submit button each; a button with a format sends it as the `format` parameter. */
  buttons?: readonly { label: string; format?: PlanExportFormat }[];
}) {
  const descriptionId = useId();
  return (
    <form method="get" action={action} className="rounded-lg border border-slate-200 bg-white p-5">
      <fieldset className="space-y-3" aria-describedby={descriptionId}>
        <legend className="text-lg font-semibold">{legend}</legend>
        <p id={descriptionId} className="text-sm text-slate-700">
          {description}
        </p>
        {cycles.length > 0 ? (
          <SelectField
            label="Cycle"
            name="cycle"
            className="max-w-xs"
            defaultValue={cycles[0]!.slug}
            options={cycles.map((cycle) => ({ value: cycle.slug, label: cycle.name }))}
          />
        ) : null}
        <div className="flex flex-wrap gap-2">
          {buttons.map((button) => (
            <Button
              key={button.label}
              type="submit"
              variant="secondary"
              name={button.format ? "format" : undefined}
              value={button.format}
            >
              {button.label}
            </Button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}

import { Button } from "@/ui/button";
import { SelectField, type SelectOption } from "@/ui/select-field";

interface CycleChoice {
  key: string;
  name: string;
  status?: string;
}

/** The frame of an organisation view's options form: its fields in a row, the button at the end. */
export const dashboardFormClass =
  "flex flex-wrap items-end gap-4 rounded-lg border border-slate-300 bg-white p-4";

/** The cycles as select options; organisation views mark the cycle still open for answers. */
export function cycleOptions(cycles: readonly CycleChoice[], { markOpen = false } = {}): SelectOption[] {
  return cycles.map((cycle) => ({
    value: cycle.key,
    label: `${cycle.name}${markOpen && cycle.status === "open" ? " (open)" : ""}`,
  }));
}

/** The `cycle` query parameter of a dashboard, as a labelled select. */
export function CycleSelect({
  label = "Cycle",
  cycles,
  current,
  markOpen = false,
}: {
  label?: string;
  cycles: readonly CycleChoice[];
  current: string | undefined;
  markOpen?: boolean;
}) {
  return (
    <SelectField
      label={label}
      name="cycle"
      defaultValue={current}
      options={cycleOptions(cycles, { markOpen })}
    />
  );
}

/** A team view's cycle picker: reloads `action` for the chosen cycle. */
export function CyclePickerForm({
  action,
  cycles,
  current,
  className = "",
}: {
  action: string;
  cycles: readonly CycleChoice[];
  current: string;
  className?: string;
}) {
  return (
    <form method="get" action={action} className={`flex flex-wrap items-end gap-3 ${className}`}>
      <CycleSelect cycles={cycles} current={current} />
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}

import { FilterForm } from "@/ui/filter-form";
import { SelectField } from "@/ui/select-field";
import { CycleSelect, dashboardFormClass } from "./cycle-select";

/**
 * The options form of an organisation view narrowed by cycle and org unit: the cycle (the open one
 * marked) and a unit, where no unit means every team the viewer may read.
 */
export function CycleUnitFilter({
  action,
  unitLabel,
  view,
}: {
  action: string;
  unitLabel: string;
  view: {
    scope: "organisation" | "org-units";
    cycles: { key: string; name: string; status: string }[];
    cycle: { key: string } | null;
    units: { slug: string; name: string }[];
    focusUnit: { slug: string } | null;
  };
}) {
  return (
    <FilterForm action={action} label="Cycle and org unit" submitLabel="Show" className={dashboardFormClass}>
      <CycleSelect cycles={view.cycles} current={view.cycle?.key} markOpen />
      <SelectField
        label={unitLabel}
        name="unit"
        defaultValue={view.focusUnit?.slug ?? ""}
        placeholder={view.scope === "organisation" ? "The whole organisation" : "All your units"}
        options={view.units.map((unit) => ({ value: unit.slug, label: unit.name }))}
      />
    </FilterForm>
  );
}

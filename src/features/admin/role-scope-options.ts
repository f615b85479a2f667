import type { RoleScopeOptions } from "@/contracts/admin/views";
import type { SelectOption, SelectOptionGroup } from "@/ui/select-field";

/** Org units to pick a coach's scope from. */
export function orgUnitOptions(options: RoleScopeOptions): SelectOption[] {
  return options.orgUnits.map((unit) => ({ value: unit.id, label: unit.label }));
}

/** Teams to pick from, grouped under their org unit. */
export function teamOptionGroups(options: RoleScopeOptions): SelectOptionGroup[] {
  return options.teamGroups.map((group) => ({
    label: group.orgUnit,
    options: group.teams.map((team) => ({ value: team.id, label: team.label })),
  }));
}

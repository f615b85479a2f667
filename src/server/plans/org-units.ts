import "server-only";
import { db } from "../db";

export interface UnitNode {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
}

/** Active org units by name; a few dozen rows even in a large organisation. */
export async function activeUnits(): Promise<UnitNode[]> {
  return db.orgUnit.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, parentId: true },
  });
}

/**
 * Each unit with every unit below it (itself included): a unit's plans cover its sub-units' teams,
 * just as a coach of a unit covers the units below it.
 */
export function descendantsOf(units: readonly UnitNode[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (!unit.parentId) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const result = new Map<string, string[]>();
  for (const unit of units) {
    const seen = new Set<string>();
    const stack = [unit.id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(children.get(next) ?? []));
    }
    result.set(unit.id, [...seen]);
  }
  return result;
}

/** The ids of a unit and every active unit below it. */
export async function unitAndDescendantIds(unitId: string): Promise<string[]> {
  return descendantsOf(await activeUnits()).get(unitId) ?? [unitId];
}

/** Pure helpers over the org unit hierarchy (a forest: every unit has at most one parent). */

export interface UnitLink {
  id: string;
  parentId: string | null;
}

/** Parent id → the ids of its direct children. */
export function childrenByParent(units: readonly UnitLink[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (!unit.parentId) continue;
    const list = children.get(unit.parentId) ?? [];
    list.push(unit.id);
    children.set(unit.parentId, list);
  }
  return children;
}

/** Every unit below `rootId` (children, their children, ...), not including `rootId` itself. */
export function descendantIds(units: readonly UnitLink[], rootId: string): Set<string> {
  const children = childrenByParent(units);
  const found = new Set<string>();
  const pending = [...(children.get(rootId) ?? [])];
  while (pending.length) {
    const id = pending.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return found;
}

/** True when putting `unitId` under `newParentId` would make a unit its own ancestor. */
export function wouldCreateCycle(
  units: readonly UnitLink[],
  unitId: string,
  newParentId: string | null,
): boolean {
  if (newParentId === null) return false;
  return newParentId === unitId || descendantIds(units, unitId).has(newParentId);
}

export interface TreeNode<T> {
  unit: T;
  depth: number;
  children: TreeNode<T>[];
}

/** The hierarchy as nested nodes, siblings sorted by name; units whose parent is missing become roots. */
export function buildTree<T extends UnitLink & { name: string }>(units: readonly T[]): TreeNode<T>[] {
  const ids = new Set(units.map((unit) => unit.id));
  const byParent = new Map<string | null, T[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(unit);
    byParent.set(parent, list);
  }
  const visited = new Set<string>();
  const nodesFor = (parentId: string | null, depth: number): TreeNode<T>[] =>
    (byParent.get(parentId) ?? [])
      .filter((unit) => !visited.has(unit.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((unit) => {
        visited.add(unit.id);
        return { unit, depth, children: nodesFor(unit.id, depth + 1) };
      });
  return nodesFor(null, 0);
}

/** "Parent / Child / Unit" for a unit, from the root down. */
export function unitPath<T extends UnitLink & { name: string }>(
  units: ReadonlyMap<string, T>,
  unitId: string,
): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = units.get(unitId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? units.get(current.parentId) : undefined;
  }
  return names.join(" / ");
}

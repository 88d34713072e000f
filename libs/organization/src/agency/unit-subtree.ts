// The units a cycle opened on a root unit covers: the root and every unit below it. One definition for the API
// and the demo seed, so both pin the same units in the same order.
import type { UnitState } from './agency-state.js';

/** rootUnitId and every unit below it, breadth first from the root, siblings by id; null when there is no such unit. */
export function subtreeOf(units: Readonly<Record<string, UnitState>>, rootUnitId: string): string[] | null {
  if (!units[rootUnitId]) return null;
  const children = new Map<string, string[]>();
  for (const [id, unit] of Object.entries(units)) {
    if (unit.parentUnitId === null) continue;
    children.set(unit.parentUnitId, [...(children.get(unit.parentUnitId) ?? []), id]);
  }
  const result: string[] = [];
  const queue = [rootUnitId];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue; // a corrupt cycle in the tree must not loop
    seen.add(id);
    result.push(id);
    queue.push(...(children.get(id) ?? []).sort());
  }
  return result;
}

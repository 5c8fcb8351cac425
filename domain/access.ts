import type { Role } from '../entities/user';

/**
 * Department scope, the pure part: which roles are scoped to their own department, and which units
 * lie under a unit in the organisation chart.
 */

/** Budget officers and inspectors act only within their own department; other roles are not scoped. */
export function isDepartmentScoped(role: Role | 'system'): boolean {
  return role === 'budget_officer' || role === 'inspector';
}

/** `rootId` and every unit under it, from the chart's (id, parentId) pairs. */
export function unitsUnder(units: Iterable<{ id: number; parentId: number | null }>, rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const within = new Set<number>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (within.has(id)) continue;
    within.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return within;
}

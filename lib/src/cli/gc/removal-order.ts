/**
 * The order gc removes the selected artifacts in: as given (oldest first), except that an
 * artifact whose result the link of another selected artifact reads comes after that one.
 * So when the linking artifact cannot be removed after all (it became live, its lock is
 * held), the result it reads is still there. Returns, per key, the selected linkers too.
 */
export function removalOrder(
  keys: readonly string[],
  linkTargets: ReadonlyMap<string, readonly string[]>,
): { order: string[]; linkersOf: Map<string, string[]> } {
  const selected = new Set(keys);
  const linkersOf = new Map<string, string[]>();
  for (const key of keys)
    for (const target of linkTargets.get(key) ?? [])
      if (target !== key && selected.has(target)) linkersOf.set(target, [...(linkersOf.get(target) ?? []), key]);
  const order: string[] = [];
  const placed = new Set<string>();
  let progressed = true;
  while (progressed && order.length < keys.length) {
    progressed = false;
    for (const key of keys) {
      if (placed.has(key) || !(linkersOf.get(key) ?? []).every((linker) => placed.has(linker))) continue;
      order.push(key);
      placed.add(key);
      progressed = true;
    }
  }
  // Links that form a cycle (only hand-written ones can): the rest in the given order.
  for (const key of keys) if (!placed.has(key)) order.push(key);
  return { order, linkersOf };
}

import { MinHeap } from './min-heap';

/** One artifact as gc's selection sees it (everything already read from disk). */
export interface GcItem {
  readonly key: string;
  readonly updatedMs: number;
  readonly sizeBytes: number;
  readonly failed: boolean;
  /** Why it is an orphan (see orphanReason), or undefined. */
  readonly orphan: string | undefined;
  /** Why someone works on it right now (see liveReason): never removed. */
  readonly live: string | undefined;
  /** Why gc must never touch it otherwise (a state.json of another schema). */
  readonly untouchable: string | undefined;
  /** Keys of the artifacts it depends on (within the store). */
  readonly dependencies: readonly string[];
}

export interface GcCriteria {
  readonly nowMs: number;
  /** Select artifacts last updated more than this long ago. */
  readonly olderThanMs?: number;
  readonly failed: boolean;
  readonly orphans: boolean;
  /** Then remove the oldest of the rest until the store holds at most this many bytes. */
  readonly maxSizeBytes?: number;
  /** Never remove what a kept artifact depends on (default true). */
  readonly keepDeps: boolean;
}

export type GcReason = 'age' | 'failed' | 'orphan' | 'size';

export interface GcPlan {
  /** What to remove, oldest first, with the criteria that selected it. */
  readonly remove: readonly { key: string; reasons: readonly GcReason[] }[];
  /** Selected but kept, and why (live, needed by a kept artifact, untouchable). */
  readonly kept: readonly { key: string; reasons: readonly GcReason[]; why: string }[];
  readonly totalBytes: number;
  readonly removeBytes: number;
  /** Whether the store fits `maxSizeBytes` afterwards (true without a budget). */
  readonly fitsBudget: boolean;
}

/**
 * Decides what gc removes. Criteria select (union): age, failed result, orphan. Then
 * nothing live or untouchable is removed, and — with keepDeps — nothing that a kept
 * artifact depends on, directly or through others (so a selected dependency of a kept
 * artifact is kept, and with it its own dependencies). Last, with a size budget, the
 * oldest remaining artifacts are removed until the store fits, skipping those a kept
 * artifact still needs (they become removable once their dependents are gone).
 */
export function selectForGc(items: readonly GcItem[], criteria: GcCriteria): GcPlan {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const reasons = new Map<string, GcReason[]>();
  for (const item of items) {
    const found: GcReason[] = [];
    if (criteria.olderThanMs !== undefined && criteria.nowMs - item.updatedMs > criteria.olderThanMs) found.push('age');
    if (criteria.failed && item.failed) found.push('failed');
    if (criteria.orphans && item.orphan !== undefined) found.push('orphan');
    if (found.length > 0) reasons.set(item.key, found);
  }
  const kept = new Map<string, { reasons: GcReason[]; why: string }>();
  for (const [key, found] of reasons) {
    const item = byKey.get(key)!;
    const why = item.live !== undefined ? `live: ${item.live}` : item.untouchable;
    if (why !== undefined) kept.set(key, { reasons: found, why });
  }
  for (const key of kept.keys()) reasons.delete(key);
  if (criteria.keepDeps) protectDependencies(items, byKey, reasons, kept);
  const totalBytes = items.reduce((sum, item) => sum + item.sizeBytes, 0);
  let remaining = totalBytes - [...reasons.keys()].reduce((sum, key) => sum + byKey.get(key)!.sizeBytes, 0);
  if (criteria.maxSizeBytes !== undefined && remaining > criteria.maxSizeBytes) {
    remaining = fillBudget(items, criteria, reasons, remaining);
  }
  const remove = [...reasons.entries()]
    .map(([key, found]) => ({ key, reasons: found }))
    .sort((a, b) => byKey.get(a.key)!.updatedMs - byKey.get(b.key)!.updatedMs || a.key.localeCompare(b.key));
  return {
    remove,
    kept: [...kept.entries()].map(([key, value]) => ({ key, ...value })).sort((a, b) => a.key.localeCompare(b.key)),
    totalBytes,
    removeBytes: totalBytes - remaining,
    fitsBudget: criteria.maxSizeBytes === undefined || remaining <= criteria.maxSizeBytes,
  };
}

/** Moves every selected artifact that a kept one needs (transitively) from `selected` to `kept`. */
function protectDependencies(
  items: readonly GcItem[],
  byKey: ReadonlyMap<string, GcItem>,
  selected: Map<string, GcReason[]>,
  kept: Map<string, { reasons: GcReason[]; why: string }>,
): void {
  const queue = items.filter((item) => !selected.has(item.key)).map((item) => item.key);
  const visited = new Set(queue);
  for (let index = 0; index < queue.length; index++) {
    const dependent = queue[index]!;
    for (const dependency of byKey.get(dependent)?.dependencies ?? []) {
      if (visited.has(dependency) || !byKey.has(dependency)) continue;
      visited.add(dependency);
      queue.push(dependency);
      const found = selected.get(dependency);
      if (found) {
        selected.delete(dependency);
        kept.set(dependency, { reasons: found, why: `needed by ${dependent}` });
      }
    }
  }
}

/**
 * Adds the oldest removable artifacts to `selected` until the rest fits the budget; returns
 * the bytes left. Removable: not live, not untouchable and — with keepDeps — no kept artifact
 * depends on it directly (kept artifacts' dependencies are all kept, so direct is enough).
 */
function fillBudget(
  items: readonly GcItem[],
  criteria: GcCriteria,
  selected: Map<string, GcReason[]>,
  remaining: number,
): number {
  const budget = criteria.maxSizeBytes!;
  const keptDependents = new Map<string, number>();
  if (criteria.keepDeps) {
    for (const item of items) {
      if (selected.has(item.key)) continue;
      for (const dependency of new Set(item.dependencies))
        keptDependents.set(dependency, (keptDependents.get(dependency) ?? 0) + 1);
    }
  }
  const byKey = new Map(items.map((item) => [item.key, item]));
  const candidates = items.filter(
    (item) => !selected.has(item.key) && item.live === undefined && item.untouchable === undefined,
  );
  const candidateKeys = new Set(candidates.map((item) => item.key));
  const queue = new MinHeap<GcItem>((a, b) => a.updatedMs - b.updatedMs || a.key.localeCompare(b.key));
  for (const item of candidates) if ((keptDependents.get(item.key) ?? 0) === 0) queue.push(item);
  while (remaining > budget) {
    const item = queue.pop();
    if (!item) break;
    selected.set(item.key, ['size']);
    remaining -= item.sizeBytes;
    for (const dependency of new Set(item.dependencies)) {
      const left = (keptDependents.get(dependency) ?? 0) - 1;
      keptDependents.set(dependency, left);
      if (left === 0 && candidateKeys.has(dependency) && !selected.has(dependency)) queue.push(byKey.get(dependency)!);
    }
  }
  return remaining;
}

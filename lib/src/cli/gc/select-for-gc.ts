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
  /**
   * Keys of the artifacts its result link reads (the reused identity and the folder holding
   * the data), when it is a success that reuses an earlier identity's result; else empty.
   */
  readonly resultLinks: readonly string[];
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
  /** Selected but kept, and why (live, needed by a kept artifact, its result linked from one, untouchable). */
  readonly kept: readonly { key: string; reasons: readonly GcReason[]; why: string }[];
  readonly totalBytes: number;
  readonly removeBytes: number;
  /** Whether the store fits `maxSizeBytes` afterwards (true without a budget). */
  readonly fitsBudget: boolean;
}

/**
 * Decides what gc removes. Criteria select (union): age, failed result, orphan. Then
 * nothing live or untouchable is removed, nor anything a kept artifact needs, directly or
 * through others: the result its result link reads (always: it is the kept artifact's own
 * data) and — with keepDeps — what it depends on. Last, with a size budget, the oldest
 * remaining artifacts are removed until the store fits, skipping those a kept artifact
 * still needs (they become removable once what needs them is removed too).
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
  protectNeeded(items, byKey, reasons, kept, criteria.keepDeps);
  const totalBytes = items.reduce((sum, item) => sum + item.sizeBytes, 0);
  let remaining = totalBytes - [...reasons.keys()].reduce((sum, key) => sum + byKey.get(key)!.sizeBytes, 0);
  if (criteria.maxSizeBytes !== undefined && remaining > criteria.maxSizeBytes) {
    remaining = fillBudget(items, criteria, reasons, kept, remaining);
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

/** What an artifact needs kept, and why: its result link's targets, then (with keepDeps) its dependencies. */
function needsOf(item: GcItem, keepDeps: boolean): { key: string; why: string }[] {
  const needs = item.resultLinks.map((key) => ({ key, why: `result linked from ${item.key}` }));
  if (keepDeps) for (const key of item.dependencies) needs.push({ key, why: `needed by ${item.key}` });
  return needs;
}

/** Moves every selected artifact that a kept one needs (transitively) from `selected` to `kept`. */
function protectNeeded(
  items: readonly GcItem[],
  byKey: ReadonlyMap<string, GcItem>,
  selected: Map<string, GcReason[]>,
  kept: Map<string, { reasons: GcReason[]; why: string }>,
  keepDeps: boolean,
): void {
  const queue = items.filter((item) => !selected.has(item.key)).map((item) => item.key);
  const visited = new Set(queue);
  for (let index = 0; index < queue.length; index++) {
    for (const { key, why } of needsOf(byKey.get(queue[index]!)!, keepDeps)) {
      if (visited.has(key) || !byKey.has(key)) continue;
      visited.add(key);
      queue.push(key);
      const found = selected.get(key);
      if (found) {
        selected.delete(key);
        kept.set(key, { reasons: found, why });
      }
    }
  }
}

/**
 * Adds the oldest removable artifacts to `selected` until the rest fits the budget; returns
 * the bytes left. Removable: not live, not untouchable and needed by no artifact that stays
 * (everything a staying artifact needs stays too, so counting direct needs is enough). An
 * artifact kept for what needed it becomes removable, and leaves `kept`, once that is removed.
 */
function fillBudget(
  items: readonly GcItem[],
  criteria: GcCriteria,
  selected: Map<string, GcReason[]>,
  kept: Map<string, { reasons: GcReason[]; why: string }>,
  remaining: number,
): number {
  const budget = criteria.maxSizeBytes!;
  const neededBy = new Map<string, number>();
  const needed = (item: GcItem): Set<string> => new Set(needsOf(item, criteria.keepDeps).map((need) => need.key));
  for (const item of items) {
    if (selected.has(item.key)) continue;
    for (const key of needed(item)) neededBy.set(key, (neededBy.get(key) ?? 0) + 1);
  }
  const byKey = new Map(items.map((item) => [item.key, item]));
  const candidates = items.filter(
    (item) => !selected.has(item.key) && item.live === undefined && item.untouchable === undefined,
  );
  const candidateKeys = new Set(candidates.map((item) => item.key));
  const queue = new MinHeap<GcItem>((a, b) => a.updatedMs - b.updatedMs || a.key.localeCompare(b.key));
  for (const item of candidates) if ((neededBy.get(item.key) ?? 0) === 0) queue.push(item);
  while (remaining > budget) {
    const item = queue.pop();
    if (!item) break;
    selected.set(item.key, [...(kept.get(item.key)?.reasons ?? []), 'size']);
    kept.delete(item.key);
    remaining -= item.sizeBytes;
    for (const key of needed(item)) {
      const left = (neededBy.get(key) ?? 0) - 1;
      neededBy.set(key, left);
      if (left === 0 && candidateKeys.has(key) && !selected.has(key)) queue.push(byKey.get(key)!);
    }
  }
  return remaining;
}

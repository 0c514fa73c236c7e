export interface VersionCombinations {
  /** Per combination, how many steps each class undoes (in the order of `limits`). */
  readonly depths: readonly (readonly number[])[];
  /** True when more combinations exist than `max`. */
  readonly truncated: boolean;
}

/**
 * The combinations of class versions, as steps undone per class (each between 0 and its
 * limit, not all 0), fewest steps in total first: the most recent identities come first.
 * At most `max` of them; the count grows as the product of (limit + 1), so it is never
 * enumerated beyond what is returned.
 */
export function versionCombinations(limits: readonly number[], max: number): VersionCombinations {
  const total = limits.reduce((sum, limit) => sum + limit, 0);
  const depths: number[][] = [];
  for (let sum = 1; sum <= total && depths.length < max; sum += 1) {
    for (const combination of withSum(limits, 0, sum)) {
      depths.push(combination);
      if (depths.length === max) break;
    }
  }
  const count = limits.reduce((product, limit) => product * (limit + 1), 1) - 1;
  return { depths, truncated: count > depths.length };
}

/** The depth vectors for `limits[from..]` adding up to `sum`, the first class deepening last. */
function* withSum(limits: readonly number[], from: number, sum: number): Generator<number[]> {
  if (from === limits.length) {
    if (sum === 0) yield [];
    return;
  }
  const rest = limits.slice(from + 1).reduce((total, limit) => total + limit, 0);
  const limit = limits[from] as number;
  for (let depth = Math.max(0, sum - rest); depth <= Math.min(limit, sum); depth += 1) {
    for (const tail of withSum(limits, from + 1, sum - depth)) yield [depth, ...tail];
  }
}

/**
 * The ordering comparisons of config_filter (`lr>=0.001`, `steps<5000`): numeric fields only
 * (integers beyond 2^53 keep every digit); a string, boolean, null or missing field never
 * matches, nor does NaN.
 */

/** A filter value usable as a bound: a decimal or exponent number, or ±inf. */
export function parseBound(value: string): number | bigint | undefined {
  const lower = value.toLowerCase();
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (/^[+-]?\d+$/.test(value)) {
    const exact = BigInt(value);
    return Number.isSafeInteger(Number(exact)) ? Number(exact) : exact;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value)) return undefined;
  return Number(value);
}

export function orderMatches(leaf: unknown, operator: '<' | '<=' | '>' | '>=', value: string): boolean {
  if (typeof leaf !== 'number' && typeof leaf !== 'bigint') return false;
  const bound = parseBound(value);
  if (bound === undefined || Number.isNaN(leaf)) return false;
  const order = compareNumbers(leaf, bound);
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

/** -1, 0 or 1; exact between a bigint and an integer, by double otherwise. */
function compareNumbers(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint' && Number.isInteger(b)) return compareNumbers(a, BigInt(b));
  if (typeof b === 'bigint' && Number.isInteger(a)) return compareNumbers(BigInt(a), b);
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

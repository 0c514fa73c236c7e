import { FloatValue } from 'gren-ts';

/**
 * A lossless-parsed JSON value with Python floats unboxed to numbers (1.0 == 1, as in Python),
 * keeping bigint for integers beyond 2^53: the form the index compares configs in.
 */
export function plainJson(value: unknown): unknown {
  if (value instanceof FloatValue) return value.value;
  if (Array.isArray(value)) return value.map(plainJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = plainJson(item);
    return out;
  }
  return value;
}

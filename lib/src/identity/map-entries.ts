import { FloatValue } from '../model/float';
import { compareCodePoints } from './code-point-order';
import { pythonFloatRepr } from './python-float';
import { UnhashableValue } from './unhashable-value';

/**
 * A Map's entries as Python hashes a dict: keys sorted as Python sorts them (strings by code
 * point, numbers numerically; a mix cannot be sorted), each key as its JSON key text.
 */
export function canonicalMapEntries(map: ReadonlyMap<unknown, unknown>): [string, unknown][] {
  const entries = [...map];
  if (entries.length > 1) {
    if (entries.every(([key]) => typeof key === 'string')) {
      entries.sort(([a], [b]) => compareCodePoints(a as string, b as string));
    } else if (entries.every(([key]) => isNumeric(key))) {
      entries.sort(([a], [b]) => compareNumeric(a, b));
    } else {
      throw new UnhashableValue(map, 'its keys mix strings and numbers (or other kinds), which Python cannot sort.');
    }
  }
  const seen = new Set<string>();
  return entries.map(([key, item]): [string, unknown] => {
    const text = mapKeyText(key);
    if (seen.has(text)) throw new UnhashableValue(map, `two keys of the Map both read as "${text}" in JSON.`);
    seen.add(text);
    return [text, item];
  });
}

function mapKeyText(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number' && Number.isFinite(key))
    return Number.isInteger(key) ? String(key) : pythonFloatRepr(key);
  if (typeof key === 'bigint') return key.toString();
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (key === null) return 'null';
  throw new UnhashableValue(key, 'Map keys must be strings, finite numbers, bigints, booleans or null.');
}

export function isNumeric(value: unknown): boolean {
  return (
    typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value instanceof FloatValue
  );
}

export function compareNumeric(a: unknown, b: unknown): number {
  const x = numericOf(a);
  const y = numericOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function numericOf(value: unknown): number | bigint {
  if (value instanceof FloatValue) return value.value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as number | bigint;
}

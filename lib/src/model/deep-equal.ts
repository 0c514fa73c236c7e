import { registry } from '../metadata/registry';
import { FloatValue } from './float';
import { isPlainObject } from './is-plain-object';

/** Structural equality of config values: same classes, same fields, same contents. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // A Date and a PreciseDate of one instant, or a Buffer and a Uint8Array of the same bytes,
  // hash alike and survive a round trip as each other: compare them by content.
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime() && microsOf(a) === microsOf(b);
  if (a instanceof Uint8Array) return b instanceof Uint8Array && Buffer.compare(a, b) === 0;
  if (a.constructor !== b.constructor) return false;
  if (a instanceof FloatValue) return Object.is(a.value, (b as FloatValue).value);
  if (Array.isArray(a)) return arraysEqual(a, b as unknown[]);
  if (a instanceof Set)
    return a.size === (b as Set<unknown>).size && [...a].every((item) => (b as Set<unknown>).has(item));
  if (a instanceof Map) return mapsEqual(a, b as Map<unknown, unknown>);
  if (isPlainObject(a) || registry.isRegistered(a.constructor))
    return recordsEqual(a as Record<string, unknown>, b as Record<string, unknown>);
  return false;
}

function arraysEqual(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
}

function mapsEqual(a: Map<unknown, unknown>, b: Map<unknown, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    if (!b.has(key) || !deepEqual(value, b.get(key))) return false;
  }
  return true;
}

function recordsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]));
}

function microsOf(date: Date): number {
  const withMicros = date as Date & { getMicroseconds?: () => number };
  return typeof withMicros.getMicroseconds === 'function' ? withMicros.getMicroseconds() : 0;
}

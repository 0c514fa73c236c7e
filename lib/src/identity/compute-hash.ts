import { GrenSerializationError } from '../errors/serialization-error';
import { registry } from '../metadata/registry';
import { identitySlot } from '../model/identity-slot';
import { blake2sHex } from './blake2s-digest';
import { canonicalBytes, canonicalJson } from './canonical-json';
import { UnhashableValue } from './unhashable-value';

/** BLAKE2s with a 10-byte digest over the (ASCII) canonical JSON: 20 lowercase hex chars. */
export function hashCanonicalJson(json: string): string {
  return blake2sHex(Buffer.from(json, 'latin1'));
}

/** The canonical JSON of any hashable value; unhashable parts fail naming their path. */
export function toCanonicalJson(value: unknown): string {
  return withPath(value, canonicalJson);
}

/**
 * The gren hash of a config object or a plain value, memoized on config objects. The
 * canonical JSON is written as bytes and digested directly, never built as a string.
 */
export function computeHash(value: unknown): string {
  const slot = typeof value === 'object' && value !== null ? identitySlot(value) : undefined;
  if (slot?.hash !== undefined) return slot.hash;
  const hash = blake2sHex(withPath(value, canonicalBytes));
  if (slot) slot.hash = hash;
  return hash;
}

/** Runs a canonical walk, turning an unhashable value into an error naming its path. */
function withPath<T>(value: unknown, walk: (value: unknown) => T): T {
  try {
    return walk(value);
  } catch (error) {
    if (error instanceof UnhashableValue) {
      throw GrenSerializationError.unhashable(rootName(value) + error.segments.join(''), error.value, error.why);
    }
    throw error;
  }
}

function rootName(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const entry = registry.classEntry(value.constructor);
    if (entry) return entry.cls.name;
  }
  return 'value';
}

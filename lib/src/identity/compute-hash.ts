import { blake2s } from '@noble/hashes/blake2.js';
import { GrenSerializationError } from '../errors/serialization-error';
import { registry } from '../metadata/registry';
import { identitySlot } from '../model/identity-slot';
import { canonicalJson, UnhashableValue } from './canonical-json';

/** BLAKE2s with a 10-byte digest over the (ASCII) canonical JSON: 20 lowercase hex chars. */
export function hashCanonicalJson(json: string): string {
  const digest = blake2s(Buffer.from(json, 'latin1'), { dkLen: 10 });
  return Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).toString('hex');
}

/** The canonical JSON of any hashable value; unhashable parts fail naming their path. */
export function toCanonicalJson(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    if (error instanceof UnhashableValue) {
      throw GrenSerializationError.unhashable(rootName(value) + error.segments.join(''), error.value, error.why);
    }
    throw error;
  }
}

/** The gren hash of a config object or a plain value, memoized on config objects. */
export function computeHash(value: unknown): string {
  const slot = typeof value === 'object' && value !== null ? identitySlot(value) : undefined;
  if (slot?.hash !== undefined) return slot.hash;
  const hash = hashCanonicalJson(toCanonicalJson(value));
  if (slot) slot.hash = hash;
  return hash;
}

function rootName(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const entry = registry.classEntry(value.constructor);
    if (entry) return entry.cls.name;
  }
  return 'value';
}

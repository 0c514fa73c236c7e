import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sortByCodePoint } from '../identity/code-point-order';
import { formatUtcMicros } from '../identity/format-datetime';
import { classModel } from '../metadata/build-class-model';
import type { FieldType } from '../metadata/field-type';
import { registry } from '../metadata/registry';
import { FloatValue } from '../model/float';
import { isPlainObject } from '../model/is-plain-object';
import { parseIsoDatetime } from '../serialization/parse-iso-datetime';
import { CLASS_MARKER, MARKERS } from '../serialization/value-markers';

/**
 * A stored config (`metadata.gren_obj`, as our toDict or the Python gren wrote it) turned
 * into its *hash form*: the value whose canonical JSON is what the hash was computed over,
 * as far as the stored text allows. `__class__` objects lose their private (`_x`) fields
 * and, when the class is registered in this process, its `hash: false` fields; our value
 * markers become what hashing writes (`__datetime__` → ISO text, `__bytes_base64__` →
 * `{"__bytes__": sha256}`, `__set__` → sorted array, `__map__` → object); registered enum,
 * Float and Date fields get their hashed forms. Python floats (`1.0`, FloatValue) stay
 * floats, so `1.0` and `1` stay different, as they hash differently.
 *
 * It is an approximation only where the stored text lost information (the Python gren's
 * enums, bytes and datetimes); for configs written by this library whose classes are
 * loaded, prefer rebuilding the object (see storedConfigTree).
 */
export function hashFormOf(stored: unknown): unknown {
  return convert(stored, undefined);
}

function convert(value: unknown, type: FieldType | undefined): unknown {
  if (value === undefined || value === null) return null;
  if (type) {
    const typed = convertTyped(value, type);
    if (typed !== NOT_TYPED) return typed;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => convert(item, undefined));
  if (!isPlainObject(value)) return value;
  if (typeof value[CLASS_MARKER] === 'string') return convertConfig(value, value[CLASS_MARKER]);
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const marked = convertMarker(keys[0] as string, value[keys[0] as string]);
    if (marked !== NOT_TYPED) return marked;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = convert(value[key], undefined);
  return out;
}

function convertConfig(record: Record<string, unknown>, namespace: string): Record<string, unknown> {
  const entry = registry.byNamespace(namespace);
  const model = entry ? classModel(entry.cls) : undefined;
  const out: Record<string, unknown> = { [CLASS_MARKER]: namespace };
  for (const key of Object.keys(record)) {
    if (key === CLASS_MARKER || key.startsWith('_')) continue;
    const field = model?.byName.get(key);
    if (field && !field.hashed) continue;
    out[key] = convert(record[key], field?.type);
  }
  return out;
}

const NOT_TYPED = Symbol('not typed');

function convertTyped(value: unknown, type: FieldType): unknown {
  switch (type.kind) {
    case 'float':
      return typeof value === 'number' && Number.isInteger(value) ? new FloatValue(value) : NOT_TYPED;
    case 'enum': {
      if (typeof value !== 'string' && typeof value !== 'number') return NOT_TYPED;
      const member = type.info.memberByValue.get(value);
      return member === undefined ? NOT_TYPED : { __enum__: `${type.info.name}:${member}` };
    }
    case 'date': {
      const date = typeof value === 'string' ? parseIsoDatetime(value) : undefined;
      return date ? formatUtcMicros(date) : NOT_TYPED;
    }
    case 'array':
      return Array.isArray(value) && type.element.kind !== 'any'
        ? value.map((item: unknown) => convert(item, type.element))
        : NOT_TYPED;
    default:
      return NOT_TYPED;
  }
}

function convertMarker(key: string, payload: unknown): unknown {
  switch (key) {
    case MARKERS.datetime:
      return typeof payload === 'string' ? payload : NOT_TYPED;
    case MARKERS.bytes:
      return typeof payload === 'string'
        ? { __bytes__: bytesToHex(sha256(Buffer.from(payload, 'base64'))) }
        : NOT_TYPED;
    case MARKERS.set:
      return Array.isArray(payload) ? sortedSet(payload.map((item: unknown) => convert(item, undefined))) : NOT_TYPED;
    case MARKERS.map:
      if (!Array.isArray(payload) || !payload.every((pair) => Array.isArray(pair) && pair.length === 2))
        return NOT_TYPED;
      return Object.fromEntries((payload as [unknown, unknown][]).map(([k, v]) => [mapKey(k), convert(v, undefined)]));
    default:
      return NOT_TYPED;
  }
}

function sortedSet(items: unknown[]): unknown[] {
  if (items.every((item) => typeof item === 'string')) return sortByCodePoint(items);
  if (items.every((item) => typeof item === 'number' || item instanceof FloatValue)) {
    return [...items].sort((a, b) => Number(a) - Number(b));
  }
  return items;
}

function mapKey(key: unknown): string {
  if (key instanceof FloatValue) return String(key.value);
  return typeof key === 'string' ? key : String(key);
}

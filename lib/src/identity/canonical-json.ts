import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { classModel } from '../metadata/build-class-model';
import type { ClassModel } from '../metadata/class-model';
import type { FieldType } from '../metadata/field-type';
import { registry } from '../metadata/registry';
import { FloatValue } from '../model/float';
import { identitySlot } from '../model/identity-slot';
import { isPlainObject } from '../model/is-plain-object';
import { MISSING } from '../model/missing';
import { compareCodePoints, sortByCodePoint } from './code-point-order';
import { formatUtcMicros } from './format-datetime';
import { pythonJsonString } from './json-string';
import { pythonFloatRepr } from './python-float';

const MAX_DEPTH = 256;

/** Raised inside the walk; the caller turns it into a GrenSerializationError with the path. */
export class UnhashableValue extends Error {
  readonly segments: string[] = [];

  constructor(
    readonly value: unknown,
    readonly why: string,
  ) {
    super(why);
  }
}

/**
 * The canonical JSON of a value, byte for byte what Python gren hashes: `__class__` markers,
 * private fields dropped, keys sorted by code point, compact, ASCII-escaped, floats in
 * Python repr. Nested config objects memoize their own canonical JSON.
 */
export function canonicalJson(value: unknown): string {
  try {
    return writeAny(value);
  } finally {
    ancestors.length = 0;
  }
}

/**
 * The containers (arrays, objects, Maps, Sets, configs) being written, outermost first: a
 * value met again while it is still open is a cycle, reported at the shortest path.
 */
const ancestors: object[] = [];

function enter(container: object): void {
  if (ancestors.includes(container)) {
    throw new UnhashableValue(container, 'the value contains itself (a cycle); a hashable config must be a tree.');
  }
  if (ancestors.length >= MAX_DEPTH) throw new UnhashableValue(container, `it is nested deeper than ${MAX_DEPTH} levels.`);
  ancestors.push(container);
}

function writeConfig(instance: Record<string, unknown>, model: ClassModel): string {
  enter(instance);
  let out = '{';
  for (const entry of model.hashEntries) {
    if (entry.marker) {
      out += entry.prefix + model.namespaceJson;
      continue;
    }
    try {
      out += entry.prefix + writeTyped(instance[entry.field.name], entry.field.type);
    } catch (error) {
      throw withSegment(error, `.${entry.field.name}`);
    }
  }
  ancestors.pop();
  return `${out}}`;
}

function writeTyped(value: unknown, type: FieldType): string {
  if (value === null) return 'null';
  switch (type.kind) {
    case 'float':
      return writeFloat(value instanceof FloatValue ? value.value : (value as number));
    case 'enum': {
      const member = type.info.memberByValue.get(value as string | number);
      if (member === undefined) throw new UnhashableValue(value, `it is not a member of the enum ${type.info.name}`);
      return `{"__enum__":${pythonJsonString(`${type.info.name}:${member}`)}}`;
    }
    case 'array':
      return type.element.kind === 'any' || !Array.isArray(value) ? writeAny(value) : writeArray(value, type.element);
    default:
      return writeAny(value);
  }
}

function writeAny(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return pythonJsonString(value);
    case 'number':
      return writeNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      return value === null ? 'null' : writeObject(value);
    case 'undefined':
      throw new UnhashableValue(value, 'undefined cannot be hashed; use null for "no value".');
    default:
      throw new UnhashableValue(value, `a ${typeof value} cannot be hashed.`);
  }
}

function writeObject(value: object): string {
  if (value === MISSING) throw new UnhashableValue(value, 'Cannot hash Gren.MISSING; pass a value for the field.');
  if (Array.isArray(value)) return writeArray(value, undefined);
  if (isPlainObject(value)) return writeRecord(value, value);
  if (value instanceof FloatValue) return writeFloat(value.value);
  const entry = registry.classEntry(value.constructor);
  if (entry) {
    const slot = identitySlot(value);
    if (slot?.json !== undefined) return slot.json;
    const json = writeConfig(value as Record<string, unknown>, classModel(entry.cls));
    if (slot) slot.json = json;
    return json;
  }
  if (value instanceof Date) return writeDate(value);
  if (value instanceof Uint8Array) return `{"__bytes__":"${bytesToHex(sha256(value))}"}`;
  if (value instanceof Set) return writeSet(value);
  if (value instanceof Map) return writeMap(value);
  const name = (value.constructor as { name?: string } | undefined)?.name ?? 'an unknown class';
  throw new UnhashableValue(value, `instances of ${name} cannot be hashed; decorate the class with @Gren() or use plain data.`);
}

function writeArray(items: readonly unknown[], element: FieldType | undefined): string {
  enter(items);
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    try {
      const item = items[i];
      out += (i === 0 ? '' : ',') + (element ? writeTyped(item, element) : writeAny(item));
    } catch (error) {
      throw withSegment(error, `[${i}]`);
    }
  }
  ancestors.pop();
  return `${out}]`;
}

/** An object's entries, keys in code-point order; `container` is what a cycle would revisit. */
function writeRecord(record: Readonly<Record<string, unknown>>, container: object, keys = sortByCodePoint(Object.keys(record))): string {
  enter(container);
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    try {
      out += `${i === 0 ? '' : ','}${pythonJsonString(key)}:${writeAny(record[key])}`;
    } catch (error) {
      throw withSegment(error, `[${JSON.stringify(key)}]`);
    }
  }
  ancestors.pop();
  return `${out}}`;
}

/**
 * A Map is hashed as Python hashes a dict: keys sorted as Python sorts them (strings by code
 * point, numbers numerically; a mix cannot be sorted), then written as JSON key strings.
 */
function writeMap(map: ReadonlyMap<unknown, unknown>): string {
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
  const byKey: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const keys: string[] = [];
  for (const [key, item] of entries) {
    const text = mapKeyText(key);
    if (text in byKey) throw new UnhashableValue(map, `two keys of the Map both read as "${text}" in JSON.`);
    byKey[text] = item;
    keys.push(text);
  }
  return writeRecord(byKey, map, keys);
}

function mapKeyText(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number' && Number.isFinite(key)) return Number.isInteger(key) ? String(key) : pythonFloatRepr(key);
  if (typeof key === 'bigint') return key.toString();
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (key === null) return 'null';
  throw new UnhashableValue(key, 'Map keys must be strings, finite numbers, bigints, booleans or null.');
}

function writeSet(set: ReadonlySet<unknown>): string {
  const items = [...set];
  if (items.every((item) => typeof item === 'string')) {
    return writeSetItems(set, sortByCodePoint(items));
  }
  if (items.every(isNumeric)) return writeSetItems(set, items.sort(compareNumeric));
  throw new UnhashableValue(set, 'a Set is hashed sorted, so its items must be all strings or all numbers.');
}

function writeSetItems(set: ReadonlySet<unknown>, sorted: unknown[]): string {
  enter(set);
  const json = writeArray(sorted, undefined);
  ancestors.pop();
  return json;
}

function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value instanceof FloatValue;
}

function compareNumeric(a: unknown, b: unknown): number {
  const x = numericOf(a);
  const y = numericOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function numericOf(value: unknown): number | bigint {
  if (value instanceof FloatValue) return value.value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as number | bigint;
}

function writeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new UnhashableValue(value, `${value} cannot be hashed; use null or a finite number.`);
  if (Number.isInteger(value) && !Object.is(value, -0)) {
    if (!Number.isSafeInteger(value)) {
      throw new UnhashableValue(
        value,
        'integers beyond 2^53 lose precision as JavaScript numbers; use a bigint (and @Field({ type: BigInt })) or declare the field Float.',
      );
    }
    return String(value);
  }
  return pythonFloatRepr(value);
}

function writeFloat(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UnhashableValue(value, 'a Float field needs a finite number.');
  }
  return pythonFloatRepr(value);
}

function writeDate(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new UnhashableValue(value, 'an invalid Date cannot be hashed.');
  try {
    return `"${formatUtcMicros(value)}"`;
  } catch (error) {
    throw new UnhashableValue(value, `${(error as Error).message}; Python datetimes cannot hold it.`);
  }
}

function withSegment(error: unknown, segment: string): unknown {
  if (error instanceof UnhashableValue) error.segments.unshift(segment);
  return error;
}

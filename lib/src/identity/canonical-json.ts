import { sha256 } from '@noble/hashes/sha2.js';
import { classModel } from '../metadata/build-class-model';
import type { ClassModel, HashEntry } from '../metadata/class-model';
import type { EnumInfo } from '../metadata/enum-registry';
import type { FieldType } from '../metadata/field-type';
import { registry } from '../metadata/registry';
import { FloatValue } from '../model/float';
import { identitySlot } from '../model/identity-slot';
import { isPlainObject } from '../model/is-plain-object';
import { MISSING } from '../model/missing';
import { sortByCodePoint } from './code-point-order';
import { canonicalMapEntries, compareNumeric, isNumeric } from './map-entries';
import { utcFields } from './format-datetime';
import { pythonJsonString } from './json-string';
import { pythonFloatRepr } from './python-float';
import { UnhashableValue } from './unhashable-value';

const MAX_DEPTH = 256;

/**
 * The canonical JSON of a value, byte for byte what Python gren hashes: `__class__` markers,
 * private fields dropped, keys sorted by code point, compact, ASCII-escaped, floats in
 * Python repr. Nested config objects memoize their own canonical JSON.
 */
export function canonicalJson(value: unknown): string {
  return withWriter((writer) => {
    writer.writeAny(value);
    return writer.text(0);
  });
}

/**
 * The canonical JSON as bytes, for hashing without building a string. The bytes are a view
 * of a reused buffer: valid until the next call, so consume them at once.
 */
export function canonicalBytes(value: unknown): Uint8Array {
  return withWriter((writer) => {
    writer.writeAny(value);
    return writer.bytes();
  });
}

/** The canonical JSON of one field value under its declared type (a Float field's 1 as `1.0`). */
export function canonicalTypedJson(value: unknown, type: FieldType): string {
  return withWriter((writer) => {
    writer.writeTyped(value, type);
    return writer.text(0);
  });
}

let shared: CanonicalWriter | undefined;
let sharedBusy = false;

/** Runs `use` with the shared writer (or a fresh one if a walk is already running). */
function withWriter<T>(use: (writer: CanonicalWriter) => T): T {
  if (sharedBusy) return use(new CanonicalWriter());
  shared ??= new CanonicalWriter();
  sharedBusy = true;
  try {
    shared.reset();
    return use(shared);
  } finally {
    sharedBusy = false;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const HEX_DIGITS = '0123456789abcdef';
/** The letter after the backslash of Python's short escapes, by character code. */
const SHORT_ESCAPE: Readonly<Record<number, number>> = {
  0x22: 0x22,
  0x5c: 0x5c,
  0x0a: 0x6e,
  0x0d: 0x72,
  0x09: 0x74,
  0x08: 0x62,
  0x0c: 0x66,
};
/** Above this length, ASCII text is copied by Buffer.write instead of a JavaScript loop. */
const NATIVE_COPY_LENGTH = 48;

/**
 * Writes canonical JSON straight into a reusable byte buffer: the JSON is pure ASCII
 * (ensure_ascii), so no string has to be built, flattened and encoded before hashing.
 * Nested configs keep their JSON text in their identity slot, and reuse it.
 */
class CanonicalWriter {
  private buffer = Buffer.allocUnsafeSlow(16 * 1024);
  private position = 0;
  /** The containers being written, outermost first: meeting one again is a cycle. */
  private readonly ancestors: object[] = [];

  reset(): void {
    this.position = 0;
    this.ancestors.length = 0;
  }

  text(start: number): string {
    return this.buffer.toString('latin1', start, this.position);
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.position);
  }

  writeAny(value: unknown): void {
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'number':
        return this.number(value);
      case 'boolean':
        return this.ascii(value ? 'true' : 'false');
      case 'bigint':
        return this.ascii(value.toString());
      case 'object':
        return value === null ? this.ascii('null') : this.object(value);
      case 'undefined':
        throw new UnhashableValue(value, 'undefined cannot be hashed; use null for "no value".');
      default:
        throw new UnhashableValue(value, `a ${typeof value} cannot be hashed.`);
    }
  }

  writeTyped(value: unknown, type: FieldType): void {
    this.typed(value, type);
  }

  private typed(value: unknown, type: FieldType): void {
    if (value === null) return this.ascii('null');
    switch (type.kind) {
      case 'string':
        return typeof value === 'string' ? this.string(value) : this.writeAny(value);
      case 'number':
        return typeof value === 'number' ? this.number(value) : this.writeAny(value);
      case 'float':
        return this.float(value instanceof FloatValue ? value.value : value);
      case 'enum':
        return this.ascii(enumJson(type.info, value));
      case 'array':
        return type.element.kind === 'any' || !Array.isArray(value)
          ? this.writeAny(value)
          : this.array(value, type.element);
      default:
        return this.writeAny(value);
    }
  }

  private object(value: object): void {
    if (Array.isArray(value)) return this.array(value, undefined);
    if (value === MISSING) throw new UnhashableValue(value, 'Cannot hash Gren.MISSING; pass a value for the field.');
    if (isPlainObject(value)) return this.record(value, value, sortByCodePoint(Object.keys(value)));
    if (value instanceof FloatValue) return this.float(value.value);
    const model = modelOf(value.constructor);
    if (model) return this.config(value as Record<string, unknown>, model);
    if (value instanceof Date) return this.date(value);
    if (value instanceof Uint8Array) {
      this.ascii('{"__bytes__":"');
      this.ascii(Buffer.from(sha256(value)).toString('hex'));
      return this.ascii('"}');
    }
    if (value instanceof Set) return this.set(value);
    if (value instanceof Map) return this.map(value);
    const name = (value.constructor as { name?: string } | undefined)?.name ?? 'an unknown class';
    throw new UnhashableValue(
      value,
      `instances of ${name} cannot be hashed; decorate the class with @Gren() or use plain data.`,
    );
  }

  private config(instance: Record<string, unknown>, model: ClassModel): void {
    const slot = identitySlot(instance);
    if (slot?.json !== undefined) return this.ascii(slot.json);
    this.enter(instance);
    const start = this.position;
    this.byte(OPEN_BRACE);
    const entries = model.hashEntries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as HashEntry;
      this.raw(entry.bytes);
      if (entry.marker) continue;
      try {
        this.typed(instance[entry.field.name], entry.field.type);
      } catch (error) {
        throw withSegment(error, `.${entry.field.name}`);
      }
    }
    this.byte(CLOSE_BRACE);
    this.ancestors.pop();
    if (slot) slot.json = this.text(start);
  }

  private array(items: readonly unknown[], element: FieldType | undefined): void {
    this.enter(items);
    this.byte(OPEN_BRACKET);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.byte(COMMA);
      try {
        if (element) this.typed(items[i], element);
        else this.writeAny(items[i]);
      } catch (error) {
        throw withSegment(error, `[${i}]`);
      }
    }
    this.byte(CLOSE_BRACKET);
    this.ancestors.pop();
  }

  /** An object's entries, `keys` in code-point order; `container` is what a cycle would revisit. */
  private record(record: Readonly<Record<string, unknown>>, container: object, keys: readonly string[]): void {
    this.enter(container);
    this.byte(OPEN_BRACE);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (i > 0) this.byte(COMMA);
      this.string(key);
      this.byte(COLON);
      try {
        this.writeAny(record[key]);
      } catch (error) {
        throw withSegment(error, `[${JSON.stringify(key)}]`);
      }
    }
    this.byte(CLOSE_BRACE);
    this.ancestors.pop();
  }

  /** A Map is hashed as Python hashes a dict (see canonicalMapEntries). */
  private map(map: ReadonlyMap<unknown, unknown>): void {
    const byKey: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const keys: string[] = [];
    for (const [text, item] of canonicalMapEntries(map)) {
      byKey[text] = item;
      keys.push(text);
    }
    this.record(byKey, map, keys);
  }

  private set(set: ReadonlySet<unknown>): void {
    const items = [...set];
    let sorted: unknown[];
    if (items.every((item) => typeof item === 'string')) sorted = sortByCodePoint(items);
    else if (items.every(isNumeric)) sorted = items.sort(compareNumeric);
    else throw new UnhashableValue(set, 'a Set is hashed sorted, so its items must be all strings or all numbers.');
    this.enter(set);
    this.array(sorted, undefined);
    this.ancestors.pop();
  }

  private enter(container: object): void {
    if (this.ancestors.includes(container)) {
      throw new UnhashableValue(container, 'the value contains itself (a cycle); a hashable config must be a tree.');
    }
    if (this.ancestors.length >= MAX_DEPTH) {
      throw new UnhashableValue(container, `it is nested deeper than ${MAX_DEPTH} levels.`);
    }
    this.ancestors.push(container);
  }

  private number(value: number): void {
    if (!Number.isFinite(value))
      throw new UnhashableValue(value, `${value} cannot be hashed; use null or a finite number.`);
    if (Number.isInteger(value) && !Object.is(value, -0)) {
      if (!Number.isSafeInteger(value)) {
        throw new UnhashableValue(
          value,
          'integers beyond 2^53 lose precision as JavaScript numbers; use a bigint (and @Field({ type: BigInt })) or declare the field Float.',
        );
      }
      return this.ascii(String(value));
    }
    this.ascii(pythonFloatRepr(value));
  }

  private float(value: unknown): void {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new UnhashableValue(value, 'a Float field needs a finite number.');
    }
    this.ascii(pythonFloatRepr(value));
  }

  /** `"2025-01-02T03:04:05.123456+00:00"`, digit by digit (see formatUtcMicros). */
  private date(value: Date): void {
    if (Number.isNaN(value.getTime())) throw new UnhashableValue(value, 'an invalid Date cannot be hashed.');
    const fields = utcFields(value);
    if (fields === undefined) {
      throw new UnhashableValue(value, `its year is outside 0001..9999; Python datetimes cannot hold it.`);
    }
    this.reserve(34);
    this.buffer[this.position++] = QUOTE;
    this.digits(fields[0] as number, 4);
    this.buffer[this.position++] = 0x2d; // -
    this.digits(fields[1] as number, 2);
    this.buffer[this.position++] = 0x2d;
    this.digits(fields[2] as number, 2);
    this.buffer[this.position++] = 0x54; // T
    this.digits(fields[3] as number, 2);
    this.buffer[this.position++] = COLON;
    this.digits(fields[4] as number, 2);
    this.buffer[this.position++] = COLON;
    this.digits(fields[5] as number, 2);
    this.buffer[this.position++] = 0x2e; // .
    this.digits(fields[6] as number, 6);
    this.ascii('+00:00"');
  }

  /** A non-negative integer, zero-padded to `width` digits (the caller reserved the room). */
  private digits(value: number, width: number): void {
    const buffer = this.buffer;
    let rest = value;
    for (let at = this.position + width - 1; at >= this.position; at--) {
      buffer[at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.position += width;
  }

  /** Bytes prepared in advance (the hash entries' `,"name":` prefixes). */
  private raw(bytes: Uint8Array): void {
    const length = bytes.length;
    this.reserve(length);
    const buffer = this.buffer;
    let at = this.position;
    for (let i = 0; i < length; i++) buffer[at++] = bytes[i] as number;
    this.position = at;
  }

  /** A JSON string literal exactly as Python's json.dumps writes it with ensure_ascii=True. */
  private string(text: string): void {
    const length = text.length;
    this.reserve(length * 6 + 2);
    const buffer = this.buffer;
    let at = this.position;
    buffer[at++] = QUOTE;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x20 && code < 0x7f && code !== QUOTE && code !== BACKSLASH) {
        buffer[at++] = code;
        continue;
      }
      buffer[at++] = BACKSLASH;
      const short = SHORT_ESCAPE[code];
      if (short !== undefined) {
        buffer[at++] = short;
        continue;
      }
      buffer[at++] = 0x75; // u, then four lowercase hex digits
      buffer[at++] = HEX_DIGITS.charCodeAt(code >>> 12);
      buffer[at++] = HEX_DIGITS.charCodeAt((code >>> 8) & 15);
      buffer[at++] = HEX_DIGITS.charCodeAt((code >>> 4) & 15);
      buffer[at++] = HEX_DIGITS.charCodeAt(code & 15);
    }
    buffer[at++] = QUOTE;
    this.position = at;
  }

  /** Text known to be ASCII (digits, markers, memoized JSON). */
  private ascii(text: string): void {
    const length = text.length;
    this.reserve(length);
    if (length > NATIVE_COPY_LENGTH) {
      this.position += this.buffer.write(text, this.position, 'latin1');
      return;
    }
    const buffer = this.buffer;
    let at = this.position;
    for (let i = 0; i < length; i++) buffer[at++] = text.charCodeAt(i);
    this.position = at;
  }

  private byte(value: number): void {
    this.reserve(1);
    this.buffer[this.position++] = value;
  }

  private reserve(extra: number): void {
    const needed = this.position + extra;
    if (needed <= this.buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
  }
}

const enumJsonCache = new WeakMap<EnumInfo, Map<unknown, string>>();

/** `{"__enum__":"<enum name>:<MEMBER>"}` for a member's value, built once per member. */
function enumJson(info: EnumInfo, value: unknown): string {
  let byValue = enumJsonCache.get(info);
  if (!byValue) enumJsonCache.set(info, (byValue = new Map<unknown, string>()));
  const cached = byValue.get(value);
  if (cached !== undefined) return cached;
  const member = info.memberByValue.get(value as string | number);
  if (member === undefined) throw new UnhashableValue(value, `it is not a member of the enum ${info.name}`);
  const json = `{"__enum__":${pythonJsonString(`${info.name}:${member}`)}}`;
  byValue.set(value, json);
  return json;
}

/** The class model of a registered config class, or undefined for any other constructor. */
function modelOf(constructor: unknown): ClassModel | undefined {
  const cached = registry.cachedModel(constructor as never);
  if (cached) return cached;
  const entry = registry.classEntry(constructor);
  return entry ? classModel(entry.cls) : undefined;
}

function withSegment(error: unknown, segment: string): unknown {
  if (error instanceof UnhashableValue) error.segments.unshift(segment);
  return error;
}

import { GrenError } from '../errors/gren-error';
import { GrenSerializationError } from '../errors/serialization-error';
import { classModel } from '../metadata/build-class-model';
import type { FieldType } from '../metadata/field-type';
import { registry } from '../metadata/registry';
import { FloatValue } from '../model/float';
import { isPlainObject } from '../model/is-plain-object';
import { parseIsoDatetime } from './parse-iso-datetime';
import { CLASS_MARKER, MARKERS } from './value-markers';

/**
 * Rebuilds a value from toDict() output, or from the `gren_obj` Python gren wrote (whose
 * enums, datetimes and bytes are plain values: the declared field types restore them).
 * Parse files with parsePythonJson so that `1.0` and big integers survive.
 */
export function fromDict(data: unknown): unknown {
  return decode(data, undefined, rootPath(data));
}

function decode(value: unknown, type: FieldType | undefined, path: string): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return decodeArray(value, type, path);
  if (isPlainObject(value)) return decodeObject(value, type, path);
  return type ? coerceScalar(value, type, path) : value;
}

function decodeArray(items: unknown[], type: FieldType | undefined, path: string): unknown {
  const element = type?.kind === 'array' && type.element.kind !== 'any' ? type.element : undefined;
  const decoded = items.map((item, index) => decode(item, element, `${path}[${index}]`));
  return type?.kind === 'set' ? new Set(decoded) : decoded;
}

function decodeObject(record: Record<string, unknown>, type: FieldType | undefined, path: string): unknown {
  if (CLASS_MARKER in record) return decodeConfig(record, type, path);
  const keys = Object.keys(record);
  if (keys.length === 1) {
    const marked = decodeMarker(keys[0] as string, record[keys[0] as string], path);
    if (marked !== NOT_A_MARKER) return marked;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = decode(record[key], undefined, `${path}[${JSON.stringify(key)}]`);
  return out;
}

function decodeConfig(record: Record<string, unknown>, type: FieldType | undefined, path: string): unknown {
  const marker = record[CLASS_MARKER];
  if (typeof marker !== 'string')
    throw GrenSerializationError.badData(path, marker, `"${CLASS_MARKER}" must be a string.`);
  const entry = registry.byNamespace(marker);
  if (!entry) throw GrenSerializationError.unknownClass(path, marker);
  if (type?.kind === 'config' && !(entry.cls.prototype instanceof type.cls) && entry.cls !== type.cls) {
    throw GrenSerializationError.badData(
      path,
      marker,
      `the field expects a ${type.cls.name}, not a ${entry.cls.name}.`,
    );
  }
  const model = classModel(entry.cls);
  const init: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key === CLASS_MARKER) continue;
    const field = model.byName.get(key);
    init[key] = decode(record[key], field?.type, `${path}.${key}`);
  }
  try {
    return new (entry.cls as unknown as new (init: object) => object)(init);
  } catch (error) {
    if (error instanceof GrenError) throw GrenSerializationError.wrapped(path, error);
    throw error;
  }
}

const NOT_A_MARKER = Symbol('not a marker');

function decodeMarker(key: string, payload: unknown, path: string): unknown {
  switch (key) {
    case MARKERS.datetime: {
      const date = typeof payload === 'string' ? parseIsoDatetime(payload) : undefined;
      if (!date) throw GrenSerializationError.badData(path, payload, 'expected an ISO 8601 datetime string.');
      return date;
    }
    case MARKERS.bytes:
      if (typeof payload !== 'string') throw GrenSerializationError.badData(path, payload, 'expected a base64 string.');
      return new Uint8Array(Buffer.from(payload, 'base64'));
    case MARKERS.set:
      if (!Array.isArray(payload))
        throw GrenSerializationError.badData(path, payload, 'expected an array of set items.');
      return new Set(payload.map((item, index) => decode(item, undefined, `${path}[${index}]`)));
    case MARKERS.map:
      if (!Array.isArray(payload) || !payload.every((pair) => Array.isArray(pair) && pair.length === 2)) {
        throw GrenSerializationError.badData(path, payload, 'expected an array of [key, value] pairs.');
      }
      return new Map(
        (payload as [unknown, unknown][]).map(([k, v], index) => [
          decode(k, undefined, `${path}[${index}][0]`),
          decode(v, undefined, `${path}[${index}][1]`),
        ]),
      );
    default:
      return NOT_A_MARKER;
  }
}

function coerceScalar(value: unknown, type: FieldType, path: string): unknown {
  switch (type.kind) {
    case 'float':
      return value instanceof FloatValue ? value.value : value;
    case 'number':
      if (value instanceof FloatValue) {
        throw GrenSerializationError.badData(
          path,
          value.value,
          `the stored value is the float ${value.value}.0; declare the field @Field({ type: Float }).`,
        );
      }
      return value;
    case 'bigint':
      return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value;
    case 'date':
      if (typeof value === 'string') {
        const date = parseIsoDatetime(value);
        if (!date) throw GrenSerializationError.badData(path, value, 'expected an ISO 8601 datetime string.');
        return date;
      }
      return value;
    case 'bytes':
      return typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'utf8')) : value;
    case 'enum':
      if (value instanceof FloatValue) return value.value;
      return value;
    default:
      return value;
  }
}

function rootPath(data: unknown): string {
  if (isPlainObject(data) && typeof data[CLASS_MARKER] === 'string') {
    const marker = data[CLASS_MARKER];
    return marker.slice(marker.lastIndexOf('.') + 1);
  }
  return 'value';
}

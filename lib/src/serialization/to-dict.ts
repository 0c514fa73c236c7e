import { formatUtcMicros } from '../identity/format-datetime';
import { classModel } from '../metadata/build-class-model';
import type { FieldType } from '../metadata/field-type';
import { registry } from '../metadata/registry';
import { FloatValue } from '../model/float';
import { isPlainObject } from '../model/is-plain-object';
import { CLASS_MARKER, MARKERS } from './value-markers';

/**
 * A JSON-ready description of a config object: `{"__class__": namespace, <every field, private
 * ones too, in declaration order>}`. Lossless: `fromDict(toDict(x))` hashes like `x`. Values
 * of Float fields come back as FloatValue when integral, so they print as `1.0`; Dates in
 * Date fields as ISO strings (as Python writes them); Dates elsewhere, bytes, Sets and Maps
 * behind marker keys. Write it with GrenSerializer.toJson (plain JSON.stringify cannot write
 * bigints).
 */
export function toDict(value: unknown): unknown {
  return encode(value, undefined);
}

function encode(value: unknown, type: FieldType | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (type) {
    switch (type.kind) {
      case 'float':
        return typeof value === 'number' && Number.isInteger(value) ? new FloatValue(value) : value;
      case 'date':
        if (value instanceof Date) return formatUtcMicros(value);
        break;
      case 'array':
        if (Array.isArray(value))
          return value.map((item: unknown) => encode(item, type.element.kind === 'any' ? undefined : type.element));
        break;
      default:
        break;
    }
  }
  if (typeof value !== 'object') return value;
  if (value instanceof FloatValue) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => encode(item, undefined));
  const entry = registry.classEntry(value.constructor);
  if (entry) return encodeConfig(value as Record<string, unknown>, entry.cls);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = encode(value[key], undefined);
    return out;
  }
  if (value instanceof Date) return { [MARKERS.datetime]: formatUtcMicros(value) };
  if (value instanceof Uint8Array)
    return { [MARKERS.bytes]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (value instanceof Set) return { [MARKERS.set]: [...value].map((item: unknown) => encode(item, undefined)) };
  if (value instanceof Map) {
    return {
      [MARKERS.map]: [...value].map(([key, item]: [unknown, unknown]) => [
        encode(key, undefined),
        encode(item, undefined),
      ]),
    };
  }
  return value;
}

function encodeConfig(
  instance: Record<string, unknown>,
  cls: Parameters<typeof classModel>[0],
): Record<string, unknown> {
  const model = classModel(cls);
  const out: Record<string, unknown> = { [CLASS_MARKER]: model.namespace };
  for (const field of model.fields) out[field.name] = encode(instance[field.name], field.type);
  return out;
}

import { pythonFloatRepr } from '../identity/python-float';
import { FloatValue } from '../model/float';
import { isPlainObject } from '../model/is-plain-object';
import { CLASS_MARKER } from '../serialization/value-markers';

const MAX_LENGTH = 120;

/**
 * A hash-form value as people read it: strings quoted, Python floats as Python prints them
 * (`1.0`, `0.0003`, `1e-05`), configs as `Class(field=value, ...)`, `(absent)` for a value
 * one side does not have. Long values are cut with `…`.
 */
export function formatValue(value: unknown): string {
  const text = write(value);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function write(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return number(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return String(value);
    default:
      break;
  }
  if (value instanceof FloatValue)
    return Number.isFinite(value.value) ? pythonFloatRepr(value.value) : String(value.value);
  if (Array.isArray(value)) return `[${value.map(write).join(', ')}]`;
  if (isPlainObject(value)) {
    const marker = value[CLASS_MARKER];
    if (typeof marker === 'string') {
      const fields = Object.keys(value).filter((key) => key !== CLASS_MARKER);
      return `${marker.slice(marker.lastIndexOf('.') + 1)}(${fields.map((key) => `${key}=${write(value[key])}`).join(', ')})`;
    }
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}: ${write(value[key])}`)
      .join(', ')}}`;
  }
  return Object.prototype.toString.call(value);
}

function number(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) && !Object.is(value, -0) ? String(value) : pythonFloatRepr(value);
}

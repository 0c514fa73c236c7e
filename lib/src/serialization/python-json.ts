import { parse as parseLossless } from 'lossless-json';
import { pythonJsonString } from '../identity/json-string';
import { pythonFloatRepr } from '../identity/python-float';
import { FloatValue } from '../model/float';
import { isPlainObject } from '../model/is-plain-object';

/**
 * JSON as Python writes and reads it, without losing what JavaScript numbers lose: a
 * literal `1.0` parses to Float(1) (it was a float), an integer beyond 2^53 to a bigint.
 */
export function parsePythonJson(text: string): unknown {
  return parseLossless(text, null, parseNumber);
}

function parseNumber(literal: string): number | bigint | FloatValue {
  const isFloatLiteral = literal.includes('.') || literal.includes('e') || literal.includes('E');
  if (isFloatLiteral) {
    const value = Number(literal);
    return Number.isInteger(value) ? new FloatValue(value) : value;
  }
  const value = Number(literal);
  return Number.isSafeInteger(value) ? value : BigInt(literal);
}

export interface PythonJsonFormat {
  /** Spaces per level, as json.dumps(indent=n); omit for one line. */
  indent?: number;
  /** One-line separators: Python's defaults `", "` and `": "` when true, compact otherwise. */
  spaced?: boolean;
}

/**
 * Serializes like Python's json.dumps (ensure_ascii, float repr, allow_nan): used for every
 * file gren writes, so a Python reader sees exactly what Python gren would have written.
 */
export function stringifyPythonJson(value: unknown, format: PythonJsonFormat = {}): string {
  const indent = format.indent === undefined ? undefined : ' '.repeat(format.indent);
  const itemSeparator = indent !== undefined ? ',' : format.spaced ? ', ' : ',';
  const keySeparator = indent !== undefined || format.spaced ? ': ' : ':';
  const write = (current: unknown, depth: string): string => {
    if (current === null || current === undefined) return 'null';
    switch (typeof current) {
      case 'string':
        return pythonJsonString(current);
      case 'boolean':
        return current ? 'true' : 'false';
      case 'bigint':
        return current.toString();
      case 'number':
        return writeNumber(current);
      case 'object':
        break;
      default:
        throw new TypeError(`Cannot write a ${typeof current} as JSON`);
    }
    if (current instanceof FloatValue) return writeFloat(current.value);
    const inner = indent === undefined ? '' : depth + indent;
    const open = indent === undefined ? '' : `\n${inner}`;
    const close = indent === undefined ? '' : `\n${depth}`;
    if (Array.isArray(current)) {
      if (current.length === 0) return '[]';
      return `[${open}${current.map((item) => write(item, inner)).join(itemSeparator + open)}${close}]`;
    }
    const record = isPlainObject(current) ? current : toJsonRecord(current);
    const keys = Object.keys(record).filter((key) => record[key] !== undefined);
    if (keys.length === 0) return '{}';
    const body = keys.map((key) => `${pythonJsonString(key)}${keySeparator}${write(record[key], inner)}`);
    return `{${open}${body.join(itemSeparator + open)}${close}}`;
  };
  return write(value, '');
}

function toJsonRecord(value: object): Record<string, unknown> {
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') {
    const converted = withToJson.toJSON();
    if (isPlainObject(converted)) return converted;
  }
  throw new TypeError(`Cannot write an instance of ${value.constructor.name} as JSON`);
}

function writeNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && !Object.is(value, -0)) return String(value);
  return pythonFloatRepr(value);
}

function writeFloat(value: number): string {
  if (!Number.isFinite(value)) return writeNumber(value);
  return pythonFloatRepr(value);
}

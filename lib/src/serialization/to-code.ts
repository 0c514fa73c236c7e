import { formatUtcMicros } from '../identity/format-datetime';
import { classModel } from '../metadata/build-class-model';
import type { FieldType } from '../metadata/field-type';
import { registry } from '../metadata/registry';
import { FloatValue } from '../model/float';
import { isPlainObject } from '../model/is-plain-object';

export interface ToCodeOptions {
  /** One field per line, indented by two spaces per level (default false). */
  multiline?: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * TypeScript source that rebuilds the value: `new TrainModel({ lr: 0.0003 })`. Every field is
 * written, private ones too, so the result is equal to the original. Classes and enums are
 * referred to by their own names; Float, PreciseDate and Buffer by theirs.
 */
export function toCode(value: unknown, options: ToCodeOptions = {}): string {
  const multiline = options.multiline ?? false;
  const write = (current: unknown, type: FieldType | undefined, depth: number): string => {
    if (current === null || current === undefined) return 'null';
    if (type?.kind === 'enum') return enumReference(type, current);
    const element = type?.kind === 'array' && type.element.kind !== 'any' ? type.element : undefined;
    switch (typeof current) {
      case 'string':
        return jsString(current);
      case 'number':
        return Object.is(current, -0) ? '-0' : String(current);
      case 'bigint':
        return `${current}n`;
      case 'boolean':
        return String(current);
      case 'object':
        break;
      default:
        throw new TypeError(`toCode cannot write a ${typeof current}`);
    }
    if (current instanceof FloatValue) return `Float(${write(current.value, undefined, depth)})`;
    if (Array.isArray(current))
      return list(
        '[',
        ']',
        current.map((item: unknown) => write(item, element, depth + 1)),
        depth,
        false,
      );
    const entry = registry.classEntry(current.constructor);
    if (entry) {
      const model = classModel(entry.cls);
      const record = current as Record<string, unknown>;
      const parts = model.fields.map(
        (field) => `${propertyName(field.name)}: ${write(record[field.name], field.type, depth + 1)}`,
      );
      return parts.length === 0
        ? `new ${model.className}()`
        : `new ${model.className}(${list('{', '}', parts, depth, true)})`;
    }
    if (isPlainObject(current)) {
      const parts = Object.keys(current).map(
        (key) => `${propertyName(key)}: ${write(current[key], undefined, depth + 1)}`,
      );
      return list('{', '}', parts, depth, true);
    }
    if (current instanceof Date) return dateCode(current);
    if (current instanceof Uint8Array) {
      return `Buffer.from('${Buffer.from(current.buffer, current.byteOffset, current.byteLength).toString('base64')}', 'base64')`;
    }
    if (current instanceof Set)
      return `new Set(${list(
        '[',
        ']',
        [...current].map((item: unknown) => write(item, undefined, depth + 1)),
        depth,
        false,
      )})`;
    if (current instanceof Map) {
      const pairs = [...current].map(
        ([key, item]: [unknown, unknown]) =>
          `[${write(key, undefined, depth + 1)}, ${write(item, undefined, depth + 1)}]`,
      );
      return `new Map(${list('[', ']', pairs, depth, false)})`;
    }
    throw new TypeError(`toCode cannot write an instance of ${current.constructor.name}`);
  };

  const list = (open: string, close: string, parts: string[], depth: number, spaced: boolean): string => {
    if (parts.length === 0) return `${open}${close}`;
    if (!multiline) return spaced ? `${open} ${parts.join(', ')} ${close}` : `${open}${parts.join(', ')}${close}`;
    const inner = '  '.repeat(depth + 1);
    return `${open}\n${parts.map((part) => `${inner}${part},`).join('\n')}\n${'  '.repeat(depth)}${close}`;
  };

  return write(value, undefined, 0);
}

function enumReference(type: Extract<FieldType, { kind: 'enum' }>, value: unknown): string {
  const member = type.info.memberByValue.get(value as string | number);
  const enumName = type.info.name.slice(type.info.name.lastIndexOf('.') + 1);
  if (member === undefined) return jsString(String(value));
  return IDENTIFIER.test(member) ? `${enumName}.${member}` : `${enumName}[${jsString(member)}]`;
}

function dateCode(date: Date): string {
  const iso = formatUtcMicros(date);
  const hasMicros = !iso.endsWith('000+00:00');
  return hasMicros ? `new PreciseDate('${iso.slice(0, 26)}Z')` : `new Date('${date.toISOString()}')`;
}

function propertyName(key: string): string {
  return IDENTIFIER.test(key) ? key : jsString(key);
}

/** A single-quoted JavaScript string literal. */
export function jsString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  const escaped = text.replace(/[\\'\n\r\t\u0000-\u001f\u2028\u2029]/g, (char) => {
    switch (char) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}

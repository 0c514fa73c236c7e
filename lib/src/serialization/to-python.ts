import { formatUtcMicros } from '../identity/format-datetime';
import { pythonFloatRepr } from '../identity/python-float';
import { classModel } from '../metadata/build-class-model';
import type { FieldType } from '../metadata/field-type';
import { registry } from '../metadata/registry';
import { FloatValue } from '../model/float';
import { isPlainObject } from '../model/is-plain-object';
import { pythonStringRepr } from './python-string-repr';

/**
 * The reference's `to_python` text (`ns.Class(f=v, ...)`, Python reprs), stored in
 * metadata as `gren_python_def`. Enums render as valid Python (`ns.Color.RED`) and bytes
 * with their content, where the Python gren wrote a form Python cannot read.
 */
export function toPython(value: unknown, multiline = false): string {
  const text = render(value, undefined, multiline, 0);
  return multiline ? text.replace(/[ \t]+$/gm, '').trim() : text;
}

function render(value: unknown, type: FieldType | undefined, multiline: boolean, depth: number): string {
  if (value === null || value === undefined) return 'None';
  if (type?.kind === 'enum') {
    const member = type.info.memberByValue.get(value as string | number);
    return member === undefined ? render(value, undefined, multiline, depth) : `${type.info.name}.${member}`;
  }
  if (type?.kind === 'float' && typeof value === 'number') return pythonFloatRepr(value);
  const element = type?.kind === 'array' && type.element.kind !== 'any' ? type.element : undefined;
  switch (typeof value) {
    case 'string':
      return pythonStringRepr(value);
    case 'number':
      return Number.isInteger(value) && !Object.is(value, -0) ? String(value) : pythonFloatRepr(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'True' : 'False';
    case 'object':
      break;
    default:
      throw new TypeError(`toPython cannot render a ${typeof value}`);
  }
  const inline = (item: unknown, itemType?: FieldType): string => render(item, itemType, multiline, depth + 1);
  if (value instanceof FloatValue) return pythonFloatRepr(value.value);
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => inline(item, element));
    if (type?.kind === 'array' && type.tuple) return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    return `[${items.join(', ')}]`;
  }
  const entry = registry.classEntry(value.constructor);
  if (entry) {
    const model = classModel(entry.cls);
    const record = value as Record<string, unknown>;
    const parts = model.fields.map((field) => `${field.name}=${inline(record[field.name], field.type)}`);
    return `${model.namespace}(${joinParts(parts, multiline, depth)})`;
  }
  if (isPlainObject(value)) {
    const parts = Object.keys(value).map((key) => `${pythonStringRepr(key)}: ${inline(value[key])}`);
    return `{${multiline && parts.length ? joinParts(parts, true, depth) : parts.join(', ')}}`;
  }
  if (value instanceof Date) return `datetime.datetime.fromisoformat('${formatUtcMicros(value)}')`;
  if (value instanceof Uint8Array)
    return `bytes.fromhex('${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}')`;
  if (value instanceof Set)
    return value.size === 0 ? 'set()' : `{${[...value].map((item: unknown) => inline(item)).join(', ')}}`;
  if (value instanceof Map) {
    return `{${[...value].map(([key, item]: [unknown, unknown]) => `${inline(key)}: ${inline(item)}`).join(', ')}}`;
  }
  throw new TypeError(`toPython cannot render an instance of ${value.constructor.name}`);
}

function joinParts(parts: string[], multiline: boolean, depth: number): string {
  if (!multiline) return parts.join(', ');
  const inner = '    '.repeat(depth + 1);
  return `\n${parts.map((part) => inner + part).join(',\n')}\n${'    '.repeat(depth)}`;
}

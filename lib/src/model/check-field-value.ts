import { GrenConfigError } from '../errors/config-error';
import { describeFieldType, type FieldType } from '../metadata/field-type';
import { FloatValue } from './float';
import { isPlainObject } from './is-plain-object';

/**
 * Checks a field value against its declared type and returns it normalised (a FloatValue
 * in a Float field becomes a plain number). `null` is accepted for every type, like
 * Python's None; TypeScript's own checks cover nullability.
 */
export function checkFieldValue(value: unknown, type: FieldType, className: string, path: string): unknown {
  if (value === null) return null;
  switch (type.kind) {
    case 'any':
      return value;
    case 'string':
      return expect(typeof value === 'string', value, type, className, path);
    case 'boolean':
      return expect(typeof value === 'boolean', value, type, className, path);
    case 'number':
      return expect(typeof value === 'number' && Number.isFinite(value), value, type, className, path);
    case 'float': {
      const number = value instanceof FloatValue ? value.value : value;
      return expect(typeof number === 'number' && Number.isFinite(number), number, type, className, path);
    }
    case 'bigint':
      return expect(typeof value === 'bigint', value, type, className, path);
    case 'date':
      return expect(value instanceof Date && !Number.isNaN(value.getTime()), value, type, className, path);
    case 'bytes':
      return expect(value instanceof Uint8Array, value, type, className, path);
    case 'set':
      return expect(value instanceof Set, value, type, className, path);
    case 'map':
      return expect(value instanceof Map, value, type, className, path);
    case 'object':
      return expect(isPlainObject(value), value, type, className, path);
    case 'enum':
      return expect(
        (typeof value === 'string' || typeof value === 'number') && type.info.memberByValue.has(value),
        value,
        type,
        className,
        path,
      );
    case 'config':
      return expect(value instanceof type.cls, value, type, className, path);
    case 'array':
      return checkArray(value, type, className, path);
  }
}

function checkArray(
  value: unknown,
  type: Extract<FieldType, { kind: 'array' }>,
  className: string,
  path: string,
): unknown {
  if (!Array.isArray(value)) throw GrenConfigError.wrongType(className, path, value, describeFieldType(type));
  if (type.element.kind === 'any') return value;
  let copy: unknown[] | undefined;
  value.forEach((item: unknown, index) => {
    const checked = checkFieldValue(item, type.element, className, `${path}[${index}]`);
    if (checked !== item) (copy ??= [...(value as unknown[])])[index] = checked;
  });
  return copy ?? value;
}

function expect(ok: boolean, value: unknown, type: FieldType, className: string, path: string): unknown {
  if (!ok) throw GrenConfigError.wrongType(className, path, value, describeFieldType(type));
  return value;
}

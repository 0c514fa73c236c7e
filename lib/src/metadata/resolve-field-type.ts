import { GrenDefinitionError } from '../errors/definition-error';
import { Float, Tuple } from '../model/float';
import { ANY_TYPE, type FieldType } from './field-type';
import { registry } from './registry';
import type { AnyClass } from './type-spec';

const SIMPLE_KINDS = new Map<unknown, FieldType>([
  [String, { kind: 'string' }],
  [Number, { kind: 'number' }],
  [Boolean, { kind: 'boolean' }],
  [BigInt, { kind: 'bigint' }],
  [Date, { kind: 'date' }],
  [Set, { kind: 'set' }],
  [Map, { kind: 'map' }],
  [Object, ANY_TYPE],
  [Array, { kind: 'array', element: ANY_TYPE, tuple: false }],
  [Float, { kind: 'float' }],
  [Tuple, { kind: 'array', element: ANY_TYPE, tuple: true }],
]);

/** Turns what a field declared (or what reflection saw) into the type gren works with. */
export function resolveFieldType(spec: unknown, className: string, fieldName: string): FieldType {
  const simple = SIMPLE_KINDS.get(spec);
  if (simple) return simple;
  if (Array.isArray(spec)) {
    if (spec.length !== 1) {
      throw GrenDefinitionError.unknownFieldType(
        className,
        fieldName,
        `an array of ${spec.length} types (write [ElementType])`,
      );
    }
    return { kind: 'array', element: resolveFieldType(spec[0], className, fieldName), tuple: false };
  }
  if (typeof spec === 'function') {
    if (spec === Uint8Array || spec.prototype instanceof Uint8Array) return { kind: 'bytes' };
    const entry = registry.classEntry(spec);
    if (entry) return { kind: 'config', cls: entry.cls };
    throw GrenDefinitionError.unknownFieldType(className, fieldName, describeClass(spec as AnyClass));
  }
  if (typeof spec === 'object' && spec !== null) {
    const info = registry.enumInfo(spec);
    if (info) return { kind: 'enum', info };
    throw GrenDefinitionError.enumNotRegistered(
      `${className}.prototype.${fieldName} is typed with an object that is not a registered enum`,
    );
  }
  throw GrenDefinitionError.unknownFieldType(className, fieldName, String(spec));
}

function describeClass(cls: AnyClass): string {
  const name = cls.name || 'an anonymous class';
  return `${name} (a class not decorated with @Gren())`;
}

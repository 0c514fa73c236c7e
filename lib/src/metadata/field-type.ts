import type { EnumInfo } from './enum-registry';
import type { AnyClass } from './type-spec';

/** A field's resolved type, as hashing, checking and (de)serialization need it. */
export type FieldType =
  | { readonly kind: 'any' }
  | { readonly kind: 'string' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'number' }
  | { readonly kind: 'float' }
  | { readonly kind: 'bigint' }
  | { readonly kind: 'date' }
  | { readonly kind: 'bytes' }
  | { readonly kind: 'set' }
  | { readonly kind: 'map' }
  | { readonly kind: 'object' }
  | { readonly kind: 'array'; readonly element: FieldType; readonly tuple: boolean }
  | { readonly kind: 'enum'; readonly info: EnumInfo }
  | { readonly kind: 'config'; readonly cls: AnyClass };

export const ANY_TYPE: FieldType = Object.freeze({ kind: 'any' });

/** How a type reads in messages: "a string", "an array of Float", "a Dataset". */
export function describeFieldType(type: FieldType): string {
  switch (type.kind) {
    case 'any':
      return 'a hashable value';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'number':
      return 'a finite number';
    case 'float':
      return 'a finite number (Float)';
    case 'bigint':
      return 'a bigint';
    case 'date':
      return 'a valid Date';
    case 'bytes':
      return 'a Uint8Array or Buffer';
    case 'set':
      return 'a Set';
    case 'map':
      return 'a Map';
    case 'object':
      return 'a plain object';
    case 'array':
      return type.element.kind === 'any'
        ? 'an array'
        : `an array of ${describeFieldType(type.element).replace(/^an? /, '')}`;
    case 'enum':
      return `a member of ${type.info.name}`;
    case 'config':
      return `a ${type.cls.name}`;
  }
}

import type { TypeSpec } from './type-spec';

/**
 * The type a field's default value tells without doubt, for code compiled without
 * design:type metadata: a string, number or boolean default types the field as `tsc`'s
 * metadata would. Anything else (an array, an object, MISSING) could be declared several
 * ways, so the field needs its type named.
 */
export function typeFromDefault(value: unknown): TypeSpec | undefined {
  switch (typeof value) {
    case 'string':
      return String;
    case 'number':
      return Number;
    case 'boolean':
      return Boolean;
    default:
      return undefined;
  }
}

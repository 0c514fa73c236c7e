import type { EnumLike } from './type-spec';

/** A registered enum: its dotted name and the member names of its values. */
export interface EnumInfo {
  readonly name: string;
  readonly object: EnumLike;
  readonly memberByValue: ReadonlyMap<string | number, string>;
  readonly valueByMember: ReadonlyMap<string, string | number>;
}

/** Member names of a TypeScript enum, leaving out the reverse mappings of numeric members. */
export function enumMembers(object: EnumLike): Map<string, string | number> {
  const members = new Map<string, string | number>();
  for (const [key, value] of Object.entries(object)) {
    const isReverseMapping = /^-?\d+(\.\d+)?$/.test(key) && typeof value === 'string';
    if (!isReverseMapping) members.set(key, value);
  }
  return members;
}

export function buildEnumInfo(name: string, object: EnumLike): EnumInfo {
  const valueByMember = enumMembers(object);
  const memberByValue = new Map<string | number, string>();
  for (const [member, value] of valueByMember) {
    if (!memberByValue.has(value)) memberByValue.set(value, member);
  }
  return Object.freeze({ name, object, memberByValue, valueByMember });
}

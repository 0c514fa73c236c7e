import { GrenDefinitionError } from '../errors/definition-error';
import { Float, type FloatToken } from '../model/float';
import type { FieldOptions, FieldRecord } from '../metadata/field-record';
import { FIELD_RECORDS } from '../metadata/metadata-keys';
import { defineOwnMetadata, getDesignType, getOwnMetadata } from '../metadata/reflect-keys';
import { registry } from '../metadata/registry';
import { RESERVED_FIELD_NAMES } from '../metadata/reserved-names';
import type { AnyClass, TypeSpec, TypeThunk } from '../metadata/type-spec';
import { isStandardDecoratorContext, noteStandardField } from './standard-decorator-call';

/**
 * What @Field() returns: a legacy property decorator. The second call shape is the one
 * standard (TC39) decorators make; it is typed only so that such code compiles and gren can
 * say at run time which tsconfig flags to set.
 */
export interface FieldDecorator {
  (target: object, propertyKey: string | symbol): void;
  (value: undefined, context: ClassFieldDecoratorContext): void;
}

/** A type named directly: `@Field(Date)`, `@Field(Float)`, `@Field(Dataset)`. */
export type FieldTypeClass = AnyClass | FloatToken | BigIntConstructor;

/**
 * Declares a config field. `@Field()` takes the type from reflection (or, in code compiled
 * without metadata, from a string, number or boolean default); `@Field(Date)` names it;
 * `@Field(() => Dataset)` names it lazily (for classes defined later or in a cycle);
 * `@Field({ type: [Float] })` names it among other options. Options: `hash: false` keeps the
 * field out of the hash, `description` documents it.
 */
export function Field(options?: FieldOptions): FieldDecorator;
export function Field(type: FieldTypeClass, options?: FieldOptions): FieldDecorator;
export function Field(typeThunk: TypeThunk, options?: FieldOptions): FieldDecorator;
export function Field(first?: FieldTypeClass | TypeThunk | FieldOptions, second?: FieldOptions): FieldDecorator {
  const explicitType = typeof first === 'function' && !isThunk(first) ? (first as unknown as TypeSpec) : undefined;
  const typeThunk = typeof first === 'function' && isThunk(first) ? (first as TypeThunk) : undefined;
  const given = (typeof first === 'function' ? second : first) ?? {};
  const options: FieldOptions = explicitType ? { ...given, type: explicitType } : { ...given };
  return (target: object | undefined, key: unknown): void => {
    if (isStandardDecoratorContext(key)) return noteStandardField(key);
    if (typeof target === 'function') {
      throw GrenDefinitionError.staticField(target.name, String(key));
    }
    const prototype = target as object;
    const className = (prototype.constructor as { name: string }).name;
    if (typeof key === 'symbol') throw GrenDefinitionError.symbolField(className, key);
    const name = key as string;
    if (RESERVED_FIELD_NAMES.has(name)) throw GrenDefinitionError.reservedField(className, name);
    const own = getOwnMetadata(FIELD_RECORDS, prototype) ?? [];
    if (own.some((record) => record.name === name)) throw GrenDefinitionError.fieldTwice(className, name);
    // No type source yet is not an error here: the model builder falls back to the default value.
    const record: FieldRecord = Object.freeze({ name, typeThunk, options, designType: getDesignType(prototype, name) });
    // Copy, never push: `own` may be shared with nothing else, but inherited arrays must not grow.
    defineOwnMetadata(FIELD_RECORDS, Object.freeze([...own, record]), prototype);
  };
}

const BUILTIN_TYPES = new Set<unknown>([
  String,
  Number,
  Boolean,
  BigInt,
  Date,
  Array,
  Set,
  Map,
  Object,
  Uint8Array,
  Float,
]);

/** A zero-argument arrow or function that is not itself a type is a lazy type thunk. */
function isThunk(fn: FieldTypeClass | TypeThunk): boolean {
  if (BUILTIN_TYPES.has(fn) || registry.isRegistered(fn)) return false;
  if ('prototype' in fn && fn.prototype !== undefined && /^class[\s{]/.test(Function.prototype.toString.call(fn)))
    return false;
  return fn.length === 0;
}

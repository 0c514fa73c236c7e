import { GrenDefinitionError } from '../errors/definition-error';
import { Float } from '../model/float';
import type { FieldOptions, FieldRecord } from '../metadata/field-record';
import { FIELD_RECORDS } from '../metadata/metadata-keys';
import { defineOwnMetadata, getDesignType, getOwnMetadata } from '../metadata/reflect-keys';
import { registry } from '../metadata/registry';
import { RESERVED_FIELD_NAMES } from '../metadata/reserved-names';
import type { TypeSpec, TypeThunk } from '../metadata/type-spec';

/**
 * Declares a config field. `@Field()` takes the type from reflection; `@Field(() => Dataset)`
 * names it lazily (for classes defined later or in a cycle); `@Field({ type: Float })`
 * names it directly. Options: `hash: false` keeps the field out of the hash,
 * `description` documents it.
 */
export function Field(options?: FieldOptions): PropertyDecorator;
export function Field(typeThunk: TypeThunk, options?: FieldOptions): PropertyDecorator;
export function Field(first?: TypeThunk | FieldOptions, second?: FieldOptions): PropertyDecorator {
  const explicitType = typeof first === 'function' && !isThunk(first) ? (first as unknown as TypeSpec) : undefined;
  const typeThunk = typeof first === 'function' && isThunk(first) ? first : undefined;
  const given = (typeof first === 'function' ? second : first) ?? {};
  const options: FieldOptions = explicitType ? { ...given, type: explicitType } : { ...given };
  return (target: object, key: string | symbol): void => {
    if (isStandardDecoratorContext(key)) throw GrenDefinitionError.standardDecorators('@Field()');
    if (typeof target === 'function') {
      throw GrenDefinitionError.staticField(target.name, String(key));
    }
    const className = (target.constructor as { name: string }).name;
    if (typeof key === 'symbol') throw GrenDefinitionError.symbolField(className, key);
    if (RESERVED_FIELD_NAMES.has(key)) throw GrenDefinitionError.reservedField(className, key);
    const own = getOwnMetadata(FIELD_RECORDS, target) ?? [];
    if (own.some((record) => record.name === key)) throw GrenDefinitionError.fieldTwice(className, key);
    const designType = getDesignType(target, key);
    if (!typeThunk && options.type === undefined && designType === undefined) {
      throw GrenDefinitionError.untypedField(className, key);
    }
    const record: FieldRecord = Object.freeze({ name: key, typeThunk, options, designType });
    // Copy, never push: `own` may be shared with nothing else, but inherited arrays must not grow.
    defineOwnMetadata(FIELD_RECORDS, Object.freeze([...own, record]), target);
  };
}

const BUILTIN_TYPES = new Set<unknown>([String, Number, Boolean, BigInt, Date, Array, Set, Map, Object, Uint8Array, Float]);

/** A zero-argument arrow or function that is not itself a type is a lazy type thunk. */
function isThunk(fn: (...args: never[]) => unknown): boolean {
  if (BUILTIN_TYPES.has(fn) || registry.isRegistered(fn)) return false;
  if (fn.prototype !== undefined && /^class[\s{]/.test(Function.prototype.toString.call(fn))) return false;
  return fn.length === 0;
}

function isStandardDecoratorContext(key: unknown): boolean {
  return typeof key === 'object' && key !== null && 'kind' in key;
}

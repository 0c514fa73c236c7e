import type { FloatToken, TupleToken } from '../model/float';

/** A class constructor of any shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClass = abstract new (...args: any[]) => unknown;

/** An enum object (TypeScript enum or `as const` object) registered with registerEnum(). */
export type EnumLike = Readonly<Record<string, string | number>>;

/**
 * A lazy field type: `() => Dataset`, `() => [Dataset]`. An array type is accepted as well as
 * a one-element tuple, since a thunk's `[X]` is inferred as an array, not a tuple.
 */
export type TypeThunk = () => TypeSpec | readonly TypeSpec[];

/**
 * What a field's type can be declared as: a constructor (String, Number, Boolean, BigInt,
 * Date, Uint8Array, Array, Set, Map, Object, or a @Gren() class), Float, Tuple, a
 * registered enum, or `[X]` for an array of X.
 */
export type TypeSpec =
  AnyClass | FloatToken | TupleToken | EnumLike | readonly [TypeSpec] | BigIntConstructor | SymbolConstructor;

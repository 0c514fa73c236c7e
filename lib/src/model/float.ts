/**
 * A number that is a float in the Python sense, even when it is integral: it hashes and
 * serializes as `1.0`, not `1`. Fields declared `@Field({ type: Float })` need no boxing;
 * `Float(2)` marks a single value inside an untyped array or object.
 */
export class FloatValue {
  readonly value: number;

  constructor(value: number) {
    this.value = value;
    Object.freeze(this);
  }

  valueOf(): number {
    return this.value;
  }

  toJSON(): number {
    return this.value;
  }

  toString(): string {
    return String(this.value);
  }
}

export interface FloatToken {
  (value: number): FloatValue;
  readonly tokenName: 'Float';
}

/** Type token for `@Field({ type: Float })`, and `Float(2)` boxes a value (see FloatValue). */
export const Float: FloatToken = Object.assign((value: number) => new FloatValue(value), {
  tokenName: 'Float' as const,
});

/**
 * Type token for `@Field({ type: Tuple })`: an array that renders as a Python tuple in
 * `toPython()`. It hashes like any array (the reference hashes tuples and lists alike).
 */
export const Tuple = Object.freeze({ tokenName: 'Tuple' as const });
export type TupleToken = typeof Tuple;

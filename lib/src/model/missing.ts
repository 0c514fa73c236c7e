/**
 * The default of a required field: `@Field() name: string = MISSING;` makes `name` required
 * at construction. Typed `never` so it fits any field type.
 */
export const MISSING: never = Object.freeze({
  toString: () => 'Gren.MISSING',
  [Symbol.for('nodejs.util.inspect.custom')]: () => 'Gren.MISSING',
}) as never;

export function isMissing(value: unknown): boolean {
  return value === MISSING;
}

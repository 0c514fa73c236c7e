/**
 * A mark on GrenObject.prototype. Code that must recognise config objects without loading
 * the GrenObject class (provenance's dependency search) checks the mark instead of `instanceof`;
 * `Symbol.for` keeps it valid across duplicate copies of the package.
 */
export const GREN_OBJECT_MARK: unique symbol = Symbol.for('gren.object') as never;

/** What the mark promises without naming the class: a config object and its hash. */
export interface MarkedGrenObject {
  readonly grenHash: string;
}

export function isGrenObject(value: unknown): value is MarkedGrenObject {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[GREN_OBJECT_MARK] === true;
}

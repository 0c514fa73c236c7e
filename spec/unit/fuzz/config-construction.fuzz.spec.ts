import fc from 'fast-check';
import { Float, GrenConfigError, GrenSerializationError, MISSING } from 'gren-ts';
import { classModel } from '../../../lib/src/metadata/build-class-model';
import { fuzzParameters } from '../../support/fuzz';
import { Collections, Leaf, Misc, Scalars, Top } from '../../support/refstore-classes';
import { FuzzEverything, FuzzInner, FuzzSource, Shade } from './fuzz-classes';

type ConfigClass = new (init?: Record<string, unknown>) => object;
const CLASSES: ConfigClass[] = [FuzzEverything, FuzzInner, FuzzSource, Scalars, Collections, Misc, Leaf, Top];

function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
}

/** Values JavaScript has that JSON does not, and values at the edges of each type. */
const oddValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  undefined,
  Number.NaN,
  Infinity,
  -Infinity,
  -0,
  2 ** 53 + 2,
  2n ** 64n,
  Symbol('s'),
  () => 1,
  new Date(Number.NaN),
  new Date(8.64e15),
  Float(1),
  Float(Number.NaN),
  MISSING,
  Shade.DARK,
  'dark',
  new Uint8Array([0, 255]),
  Buffer.from('bytes'),
  new Set([1, Number.NaN]),
  new Map<unknown, unknown>([[{}, 1]]),
  Object.create(null) as object,
  new (class Opaque {})(),
  new Error('e'),
  /re/,
  new FuzzInner(),
  new FuzzSource({ name: 's' }),
  '\ud800',
  '',
);

/** Any value, often one of the odd ones, nested in arrays and objects (also cycles). */
const fieldValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    oddValue,
    fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
      withSparseArray: true,
      withBoxedValues: true,
      maxDepth: 2,
    }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 3 }),
    fc.constant(null).map(cyclic),
  ),
})).value;

/** A class, and an init of some of its fields (plus sometimes an unknown one) set to anything. */
const construction = fc.constantFrom(...CLASSES).chain((cls) => {
  const names = classModel(cls).fieldNames;
  return fc.record({
    cls: fc.constant(cls),
    init: fc.dictionary(
      fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...names) }, fc.string({ maxLength: 5 })),
      fieldValue,
      {
        maxKeys: 4,
      },
    ),
  });
});

/**
 * The hash of a constructed config, or the GrenSerializationError that says which field
 * cannot be hashed. Construction checks declared types only; a value nested in an untyped
 * field, an object or an array (NaN, a function, a cycle, a boxed Number) is refused when the
 * hash is first computed, naming the class and the path to it.
 */
function hashOrUnhashable(object: object): string | GrenSerializationError {
  try {
    return (object as { grenHash: string }).grenHash;
  } catch (error) {
    if (error instanceof GrenSerializationError && error.code === 'SERIALIZATION_UNHASHABLE') return error;
    throw error;
  }
}

describe('config construction under fuzzing', () => {
  describe('when fields get random values', () => {
    it('should throw a GrenConfigError, or build an object whose hash is computed or refused naming the field', () => {
      fc.assert(
        fc.property(construction, ({ cls, init }) => {
          let object: object;
          try {
            object = new cls(init);
          } catch (error) {
            if (error instanceof GrenConfigError) return;
            throw error;
          }
          if (!('grenHash' in object)) {
            // A GrenStruct has no identity of its own: it is hashed inside a GrenObject.
            object = new FuzzEverything({ inner: object as FuzzInner });
          }
          const hash = hashOrUnhashable(object);
          if (typeof hash === 'string') expect(hash).toMatch(/^[0-9a-f]{20}$/);
          else expect(hash.message).toMatch(new RegExp(`^Cannot hash (${cls.name}|FuzzEverything)\\.\\w`));
        }),
        fuzzParameters('new Config(random fields)', 3000),
      );
    });
  });
});

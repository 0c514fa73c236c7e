import fc from 'fast-check';
import { GrenError, GrenObject, GrenSerializer } from 'gren-ts';
import { classModel } from '../../../lib/src/metadata/build-class-model';
import { MARKERS } from '../../../lib/src/serialization/value-markers';
import { fuzzParameters } from '../../support/fuzz';
import { Collections, Leaf, Middle, Misc, Scalars, Top } from '../../support/refstore-classes';
import { FUZZ_CLASSES, FuzzEverything } from './fuzz-classes';

const CLASSES = [...FUZZ_CLASSES, Scalars, Collections, Misc, Leaf, Middle, Top];
const NAMESPACES = CLASSES.map((cls) => classModel(cls).namespace);
const FIELD_NAMES = [...new Set(CLASSES.flatMap((cls) => classModel(cls).fieldNames))];
const MARKER_KEYS = [...Object.values(MARKERS), '__class__'];

/**
 * What fromDict may do with any input: return a value, or throw a GrenError. A config that
 * came out hashes, or says why it cannot (a GrenError too: e.g. an integer beyond 2^53 held
 * as a number in an untyped field, which only the hash refuses).
 */
function decodeOrGrenError(data: unknown): void {
  try {
    const value = GrenSerializer.fromDict(data);
    if (value instanceof GrenObject) expect(value.grenHash).toMatch(/^[0-9a-f]{20}$/);
  } catch (error) {
    if (error instanceof GrenError) return;
    throw error;
  }
}

/** JSON leaves, with the values that stress decoders: huge, tiny, negative zero, odd strings. */
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 0 }),
  fc.constantFrom(
    0,
    -0,
    1e308,
    -1e-308,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    '',
    '\u0000',
    '2024-01-02T03:04:05Z',
    'light',
    'AAAA',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
);

/**
 * JSON trees in which objects are often configs (`__class__` of a registered class, an
 * unknown one, or not a string) with real field names, or value markers (`__set__`, …) with
 * payloads of any shape.
 */
const markedTree = fc.letrec<{ node: unknown; object: Record<string, unknown> }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.oneof(
    fc
      .record({
        __class__: fc.oneof(fc.constantFrom(...NAMESPACES), fc.constantFrom('spec.fuzz.Nope', '', 42, null)),
        fields: fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 6 })), tie('node'), {
          maxKeys: 6,
        }),
      })
      .map(({ __class__, fields }) => ({ ...fields, __class__ })),
    fc.tuple(fc.constantFrom(...MARKER_KEYS), tie('node')).map(([key, payload]) => ({ [key]: payload })),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES, ...MARKER_KEYS), fc.string({ maxLength: 6 })), tie('node'), {
      maxKeys: 4,
    }),
  ),
}));

describe('GrenSerializer.fromDict under fuzzing', () => {
  describe('when given any JSON value', () => {
    it('should return a value or throw a GrenError, nothing else', () => {
      fc.assert(fc.property(fc.jsonValue(), decodeOrGrenError), fuzzParameters('fromDict(random JSON)', 2000));
    });
  });

  describe('when given JSON text parsed as gren reads files (Python floats, big integers)', () => {
    it('should return a value or throw a GrenError, nothing else', () => {
      fc.assert(
        fc.property(fc.json(), (text) => decodeOrGrenError(GrenSerializer.parseJson(text))),
        fuzzParameters('fromDict(parseJson(random JSON text))', 1000),
      );
    });
  });

  describe('when objects carry __class__ markers of registered classes and value markers', () => {
    it('should return a value or throw a GrenError, nothing else', () => {
      fc.assert(fc.property(markedTree.object, decodeOrGrenError), fuzzParameters('fromDict(marked JSON)', 3000));
    });
  });

  describe('when a real config has one field replaced by anything', () => {
    it('should rebuild it or throw a GrenError, and a rebuilt one hashes', () => {
      const base = GrenSerializer.toDict(new FuzzEverything()) as Record<string, unknown>;
      const fields = Object.keys(base).filter((key) => key !== '__class__');
      fc.assert(
        fc.property(fc.constantFrom(...fields), markedTree.node, (field, value) =>
          decodeOrGrenError({ ...base, [field]: value }),
        ),
        fuzzParameters('fromDict(FuzzEverything with a random field)', 3000),
      );
    });
  });
});

import fc from 'fast-check';
import { createHash } from 'node:crypto';
import type { NestedClassObject } from './artifact-record';
import { canonicalJson } from './canonical-key';
import { metadataFacts } from './metadata-facts';

/** The first (straightforward) implementation: what the faster one must still give. */
function referenceNested(
  value: unknown,
  field: string,
  parent: number,
  nested: NestedClassObject[],
  isRoot: boolean,
): string {
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => referenceNested(item, `${field}[${index}]`, parent, nested, false)).join(',')}]`;
  }
  if (typeof value !== 'object' || value === null) return canonicalJson(value);
  const record = value as Record<string, unknown>;
  const marker = record.__class__;
  const isClassObject = !isRoot && typeof marker === 'string';
  let self = parent;
  if (isClassObject) {
    self = nested.length;
    nested.push({ field, className: marker, configKey: '', parent });
  }
  const parts = Object.keys(record)
    .sort()
    .map((key) => {
      const child = isRoot ? key : isClassObject ? `${field}.${key}` : `${field}[${JSON.stringify(key)}]`;
      return `${JSON.stringify(key)}:${referenceNested(record[key], child, self, nested, false)}`;
    });
  const canonical = `{${parts.join(',')}}`;
  const entry = nested[self];
  if (isClassObject && entry) entry.configKey = createHash('sha1').update(canonical).digest('base64').slice(0, 16);
  return canonical;
}

describe(metadataFacts, () => {
  describe('when the config nests __class__ objects in fields, lists and dicts', () => {
    const facts = metadataFacts({
      gren_obj: {
        __class__: 'p.Top',
        data: { __class__: 'p.Data', n: 1 },
        stages: [{ __class__: 'p.Stage', k: 1 }, 3],
        named: { a: { __class__: 'p.Stage', k: 2 } },
        opt: { __class__: 'p.Options', inner: { __class__: 'p.Data', n: 2 } },
      },
    });

    it('should record each with its field in the DependencyRef notation and its parent', () => {
      expect(facts.nested.map(({ field, className, parent }) => ({ field, className, parent }))).toEqual([
        { field: 'data', className: 'p.Data', parent: -1 },
        { field: 'named["a"]', className: 'p.Stage', parent: -1 },
        { field: 'opt', className: 'p.Options', parent: -1 },
        { field: 'opt.inner', className: 'p.Data', parent: 2 },
        { field: 'stages[0]', className: 'p.Stage', parent: -1 },
      ]);
    });

    it('should give equal configs equal keys, whatever the key order or float form', () => {
      const a = metadataFacts({ gren_obj: { __class__: 'p.Data', n: 1, m: 2 } });
      const b = metadataFacts({ gren_obj: { m: 2.0, n: 1, __class__: 'p.Data' } });
      expect(a.configKey).toBe(b.configKey);
      expect(facts.nested[0]?.configKey).toBe(metadataFacts({ gren_obj: { __class__: 'p.Data', n: 1 } }).configKey);
    });
  });

  describe('when the metadata was written by the TypeScript gren', () => {
    it('should keep the declared dependencies', () => {
      const ref = { field: 'data', namespace: 'p.Data', gren_hash: 'a'.repeat(20) };
      expect(
        metadataFacts({ gren_obj: { __class__: 'p.T' }, gren_dependencies: [ref, { bad: 1 }] }).declaredDependencies,
      ).toEqual([ref]);
    });

    it('should skip nested objects (the declared dependencies replace them) but key the config the same', () => {
      const gren_obj = { __class__: 'p.T', data: { __class__: 'p.Data', n: 1 } };
      const declared = metadataFacts({ gren_obj, gren_dependencies: [] });
      const python = metadataFacts({ gren_obj });
      expect(declared.nested).toEqual([]);
      expect(python.nested).toHaveLength(1);
      expect(declared.configKey).toBe(python.configKey);
    });
  });

  describe('when gren_obj is missing', () => {
    it('should give no config and no dependencies', () => {
      expect(metadataFacts({})).toEqual({
        config: null,
        className: null,
        declaredDependencies: null,
        configKey: null,
        nested: [],
      });
    });
  });

  describe('when configs of any shape are digested', () => {
    it('should give the fields, classes and keys of the reference implementation', () => {
      const leaf = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.bigInt());
      const { config } = fc.letrec((tie) => ({
        config: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          leaf,
          fc.array(tie('config'), { maxLength: 4 }),
          fc.dictionary(fc.string({ maxLength: 6 }), tie('config'), { maxKeys: 4 }),
          fc.record({ __class__: fc.constantFrom('p.A', 'p.B', 'q.C'), x: tie('config'), y: tie('config') }),
        ),
      }));
      fc.assert(
        fc.property(fc.dictionary(fc.string({ maxLength: 6 }), config, { maxKeys: 5 }), (gren_obj) => {
          const nested: NestedClassObject[] = [];
          const canonical = referenceNested(gren_obj, '', -1, nested, true);
          const facts = metadataFacts({ gren_obj });
          expect(facts.nested).toEqual(nested);
          expect(facts.configKey).toBe(createHash('sha1').update(canonical).digest('base64').slice(0, 16));
        }),
        { numRuns: 300 },
      );
    });
  });
});

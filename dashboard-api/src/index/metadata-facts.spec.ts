import { metadataFacts } from './metadata-facts';

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
});

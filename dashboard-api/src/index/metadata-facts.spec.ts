import { FloatValue } from 'gren-ts';
import { configHash, parseStoredJson } from 'gren-ts/store';
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

    it('should take the outermost ones as direct dependencies, with the hash their config gives', () => {
      expect(facts.dependencies).toEqual([
        { field: 'data', namespace: 'p.Data', hash: configHash({ __class__: 'p.Data', n: 1 }), declared: false },
        { field: 'stages[0]', namespace: 'p.Stage', hash: configHash({ __class__: 'p.Stage', k: 1 }), declared: false },
        {
          field: 'named["a"]',
          namespace: 'p.Stage',
          hash: configHash({ __class__: 'p.Stage', k: 2 }),
          declared: false,
        },
        {
          field: 'opt',
          namespace: 'p.Options',
          hash: configHash({ __class__: 'p.Options', inner: { __class__: 'p.Data', n: 2 } }),
          declared: false,
        },
      ]);
    });

    it('should hash configs as the hash does: key order does not matter, 1 and 1.0 differ', () => {
      const parsed = (text: string) => metadataFacts(parseStoredJson(text) as Record<string, unknown>);
      const a = parsed('{"gren_obj": {"__class__": "p.Data", "n": 1, "m": 2}}');
      const b = parsed('{"gren_obj": {"m": 2, "n": 1, "__class__": "p.Data"}}');
      const float = parsed('{"gren_obj": {"__class__": "p.Data", "n": 1, "m": 2.0}}');
      expect(a.configHash).toBe(b.configHash);
      expect(float.configHash).not.toBe(a.configHash);
      expect(float.config).toEqual({ __class__: 'p.Data', n: 1, m: 2 });
      expect(metadataFacts({ gren_obj: { __class__: 'p.Data', m: new FloatValue(2) } }).config?.m).toBe(2);
    });
  });

  describe('when the metadata was written by the TypeScript gren', () => {
    it('should keep the valid declared dependencies instead of the nested objects', () => {
      const ref = { field: 'data', namespace: 'p.Data', gren_hash: 'a'.repeat(20) };
      const gren_obj = { __class__: 'p.T', data: { __class__: 'p.Data', n: 1 } };
      expect(metadataFacts({ gren_obj, gren_dependencies: [ref, { bad: 1 }] }).dependencies).toEqual([
        { field: 'data', namespace: 'p.Data', hash: 'a'.repeat(20), declared: true },
      ]);
    });
  });

  describe('when gren_obj is missing', () => {
    it('should give no config and no dependencies', () => {
      expect(metadataFacts({})).toEqual({ config: null, className: null, configHash: null, dependencies: [] });
    });
  });
});

import { diffConfigs, Float } from 'gren-ts';
import { formatValue } from '../../../lib/src/explain/format-value';

const dataset = (name: string, size = 100): Record<string, unknown> => ({ __class__: 'p.Dataset', name, size });
const train = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  __class__: 'p.Train',
  dataset: dataset('toy'),
  lr: 0.001,
  steps: 1000,
  ...fields,
});

describe(diffConfigs, () => {
  describe('when one leaf changed', () => {
    it('should report exactly that field, old → new', () => {
      expect(diffConfigs(train(), train({ lr: 0.0003 }))).toEqual([
        { path: 'lr', change: 'changed', old: 0.001, new: 0.0003 },
      ]);
    });
  });

  describe('when the configs hash alike', () => {
    it('should report nothing, whatever the key order', () => {
      const reordered = {
        steps: 1000,
        lr: 0.001,
        dataset: { size: 100, name: 'toy', __class__: 'p.Dataset' },
        __class__: 'p.Train',
      };
      expect(diffConfigs(train(), reordered)).toEqual([]);
    });
  });

  describe('when a value is a Python float on one side and an integer on the other', () => {
    it('should report a difference, as the hashes differ (1.0 vs 1)', () => {
      const differences = diffConfigs(train({ lr: Float(1) }), train({ lr: 1 }));
      expect(
        differences.map(
          (difference) => `${difference.path}: ${formatValue(difference.old)} → ${formatValue(difference.new)}`,
        ),
      ).toEqual(['lr: 1.0 → 1']);
    });

    it('should report nothing when both are the same float', () => {
      expect(diffConfigs(train({ lr: Float(1) }), train({ lr: Float(1) }))).toEqual([]);
    });
  });

  describe('when a dependency differs', () => {
    it("should report the dependency's own differing fields, prefixed with its path", () => {
      const differences = diffConfigs(train(), train({ dataset: dataset('mnist', 60000), steps: 5 }));
      expect(differences.map((difference) => difference.path)).toEqual(['dataset.name', 'dataset.size', 'steps']);
    });

    it('should recurse through several levels', () => {
      const top = (leaf: string): Record<string, unknown> => ({
        __class__: 'p.Top',
        middle: { __class__: 'p.Middle', leaf: { __class__: 'p.Leaf', name: leaf }, k: 1 },
      });
      expect(diffConfigs(top('a'), top('b'))).toEqual([
        { path: 'middle.leaf.name', change: 'changed', old: 'a', new: 'b' },
      ]);
    });

    it('should report a dependency of another class whole', () => {
      const other = { __class__: 'p.OtherDataset', name: 'toy', size: 100 };
      const [difference] = diffConfigs(train(), train({ dataset: other }));
      expect(difference).toMatchObject({ path: 'dataset', change: 'changed' });
      expect(formatValue(difference!.new)).toBe('OtherDataset(name="toy", size=100)');
    });
  });

  describe('when a field exists on one side only', () => {
    it('should report it as added or removed', () => {
      const old = train();
      const added = train({ seed: 0 });
      delete added.steps;
      expect(diffConfigs(old, added)).toEqual([
        { path: 'seed', change: 'added', old: undefined, new: 0 },
        { path: 'steps', change: 'removed', old: 1000, new: undefined },
      ]);
    });
  });

  describe('when plain objects and arrays differ', () => {
    it('should name object keys and array items in their paths', () => {
      const before = { __class__: 'p.C', extra: { lr: 0.1, 'a b': 1 }, stages: [1, 2, 3] };
      const after = { __class__: 'p.C', extra: { lr: 0.2, 'a b': 2 }, stages: [1, 5, 3] };
      expect(diffConfigs(before, after).map((difference) => difference.path)).toEqual([
        'extra["a b"]',
        'extra.lr',
        'stages[1]',
      ]);
    });

    it('should report arrays of different lengths whole', () => {
      expect(diffConfigs({ __class__: 'p.C', xs: [1, 2] }, { __class__: 'p.C', xs: [1, 2, 3] })).toEqual([
        { path: 'xs', change: 'changed', old: [1, 2], new: [1, 2, 3] },
      ]);
    });
  });
});

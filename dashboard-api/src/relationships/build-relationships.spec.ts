import type { ArtifactRecord } from '../index/artifact-record';
import { dependencyViews } from '../testing/dependency-views';
import { hashOf, makeRecord } from '../testing/make-record';
import { buildRelationships } from './build-relationships';
import { resolveField } from './resolve-field';

function relationshipsOf(target: ArtifactRecord, records: ArtifactRecord[], config: Record<string, unknown> | null) {
  const views = dependencyViews(records);
  return buildRelationships(target, views.dependenciesOf(target), views.resolve, views.dependentsOf(target), config);
}

describe(buildRelationships, () => {
  describe('when the metadata declares dependencies by hash (TypeScript gren)', () => {
    const leafConfig = { __class__: 'p.Leaf', v: 1, _private: 'x' };
    const leaf = makeRecord({ namespace: 'p.Leaf', hash: hashOf(1), metadata: null });
    const topConfig = { __class__: 'p.Top', stages: [leafConfig, { __class__: 'p.Leaf', v: 2 }] };
    const top = makeRecord({
      namespace: 'p.Top',
      hash: hashOf(2),
      metadata: {
        gren_obj: topConfig,
        gren_dependencies: [
          { field: 'stages[0]', namespace: 'p.Leaf', gren_hash: hashOf(1) },
          { field: 'stages[1]', namespace: 'p.Leaf', gren_hash: hashOf(7) },
        ],
      },
    });

    it('should resolve parents by hash, even when the parent has no metadata', () => {
      expect(relationshipsOf(top, [leaf, top], topConfig).parents).toEqual([
        {
          field_name: 'stages[0]',
          class_name: 'Leaf',
          full_class_name: 'p.Leaf',
          namespace: 'p.Leaf',
          gren_hash: hashOf(1),
          result_status: 'success',
          config: { v: 1, _private: 'x' },
        },
        {
          field_name: 'stages[1]',
          class_name: 'Leaf',
          full_class_name: 'p.Leaf',
          namespace: null,
          gren_hash: null,
          result_status: null,
          config: { v: 2 },
        },
      ]);
    });

    it('should list children of an artifact that has no metadata itself', () => {
      expect(relationshipsOf(leaf, [leaf, top], null)).toEqual({
        parents: [],
        children: [
          {
            field_name: 'stages[0]',
            class_name: 'Top',
            full_class_name: 'p.Top',
            namespace: 'p.Top',
            gren_hash: hashOf(2),
            result_status: 'success',
          },
        ],
      });
    });
  });

  describe('when the metadata was written by the Python gren', () => {
    it('should match by config equality and list a child once per field', () => {
      const leafConfig = { __class__: 'p.Leaf', v: 1.0 };
      const leaf = makeRecord({
        namespace: 'p.Leaf',
        hash: hashOf(1),
        metadata: { gren_obj: { __class__: 'p.Leaf', v: 1 } },
      });
      const pair = makeRecord({
        namespace: 'p.Pair',
        hash: hashOf(2),
        metadata: { gren_obj: { __class__: 'p.Pair', a: leafConfig, b: leafConfig } },
      });
      const relationships = relationshipsOf(leaf, [leaf, pair], null);
      expect(relationships.children.map((child) => child.field_name)).toEqual(['a', 'b']);
    });
  });
});

describe(resolveField, () => {
  const config = { a: { b: [{ c: 1 }] }, m: { 'k.x': { d: 2 } } };

  it.each([
    ['a.b[0].c', 1],
    ['m["k.x"].d', 2],
    ['a.b[3]', undefined],
    ['a[0]', undefined],
    ['a..b', undefined],
  ])('should resolve %s', (field, expected) => {
    expect(resolveField(config, field)).toEqual(expected);
  });
});

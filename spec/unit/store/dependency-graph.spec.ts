import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenSerializer } from 'gren-ts';
import { buildDependencyGraph, type GraphEntry } from '../../../lib/src/store/dependency-graph';
import { nestedConfigs } from '../../../lib/src/store/nested-configs';
import { listArtifacts, PYTHON_STORE } from '../../support/fixtures';

const entries: GraphEntry[] = listArtifacts(PYTHON_STORE).map((artifact) => ({
  key: `${artifact.root}:${artifact.namespace}/${artifact.hash}`,
  namespace: artifact.namespace,
  hash: artifact.hash,
  metadata: GrenSerializer.parseJson(
    fs.readFileSync(path.join(artifact.dir, '.gren', 'metadata.json'), 'utf8'),
  ) as Record<string, unknown>,
}));

const TOP = 'data:refstore.pipelines.Top/3c619c85f3318dea28d6';
const MIDDLE = 'data:refstore.pipelines.Middle/1e1b3009df52e5a80d97';
const LEAF = 'data:refstore.pipelines.Leaf/a65a03d18cb6d9070e55';

describe(buildDependencyGraph, () => {
  describe('when the store was written by the Python gren (no declared dependencies)', () => {
    it('should find the chain Top → Middle → Leaf from the nested __class__ objects, by hash', () => {
      const graph = buildDependencyGraph(entries);

      expect(graph.get(TOP)).toEqual([LEAF, MIDDLE]);
      expect(graph.get(MIDDLE)).toEqual([LEAF]);
      expect(graph.get(LEAF)).toEqual([]);
    });

    it('should match a nested config by equal stored config when its hash cannot be recomputed', () => {
      const withoutMiddle = entries.filter((entry) => entry.key !== MIDDLE);
      const leaf = withoutMiddle.find((entry) => entry.key === LEAF)!;
      // The leaf folder under another name: only its stored config can match it.
      const renamed = { ...leaf, key: 'data:refstore.pipelines.Leaf/renamed', hash: 'renamed' };
      const graph = buildDependencyGraph([...withoutMiddle.filter((entry) => entry !== leaf), renamed]);

      expect(graph.get(TOP)).toEqual(['data:refstore.pipelines.Leaf/renamed']);
    });
  });

  describe('when the metadata declares gren_dependencies', () => {
    it('should follow them by namespace and hash', () => {
      const graph = buildDependencyGraph([
        {
          key: 'k:a',
          namespace: 'n.A',
          hash: 'h1',
          metadata: {
            gren_obj: { __class__: 'n.A' },
            gren_dependencies: [{ field: 'b', namespace: 'n.B', gren_hash: 'h2' }],
          },
        },
        { key: 'k:b', namespace: 'n.B', hash: 'h2', metadata: undefined },
      ]);

      expect(graph.get('k:a')).toEqual(['k:b']);
    });
  });
});

describe(nestedConfigs, () => {
  const config = {
    __class__: 'n.Top',
    a: { __class__: 'n.A', inner: { __class__: 'n.B' } },
    list: [{ __class__: 'n.C' }],
    map: { k: { __class__: 'n.D' } },
  };

  it('should list the outermost nested configs with their paths', () => {
    expect(nestedConfigs(config, false).map((nested) => `${nested.field} ${nested.namespace}`)).toEqual([
      'a n.A',
      'list[0] n.C',
      'map["k"] n.D',
    ]);
  });

  it('should list nested configs at any depth when deep', () => {
    expect(nestedConfigs(config, true).map((nested) => nested.field)).toEqual(['a', 'a.inner', 'list[0]', 'map["k"]']);
  });
});

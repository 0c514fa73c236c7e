import type { ArtifactRecord } from '../index/artifact-record';
import { SortedRecords } from '../index/sorted-records';
import { dependencyViews } from '../testing/dependency-views';
import { hashOf, makeRecord } from '../testing/make-record';
import { buildDag, edgeLabel, MAX_NODE_EXPERIMENTS } from './build-dag';

const dataset = { __class__: 'p.data.Dataset', name: 'mnist' };
const model = { __class__: 'p.models.Model', width: 3 };

function dagOf(records: ArtifactRecord[]) {
  const sorted = new SortedRecords();
  sorted.reset(records);
  return buildDag(sorted.all, dependencyViews(records).dependenciesOf);
}

describe(buildDag, () => {
  describe('when Python-written configs embed their dependencies', () => {
    const dag = dagOf([
      makeRecord({ namespace: 'p.data.Dataset', hash: hashOf(1), metadata: { gren_obj: dataset } }),
      makeRecord({ namespace: 'p.models.Model', hash: hashOf(2), metadata: { gren_obj: model } }),
      makeRecord({
        namespace: 'p.train.Train',
        hash: hashOf(3),
        metadata: {
          gren_obj: {
            __class__: 'p.train.Train',
            data: dataset,
            opts: { __class__: 'p.train.Options', m: model },
            lr: 0.1,
          },
        },
      }),
      makeRecord({
        namespace: 'p.train.Ensemble',
        hash: hashOf(4),
        metadata: {
          gren_obj: {
            __class__: 'p.train.Ensemble',
            members: [
              { __class__: 'p.train.Train', data: dataset, opts: { __class__: 'p.train.Options', m: model }, lr: 0.1 },
              { __class__: 'p.train.Train', data: dataset, opts: { __class__: 'p.train.Options', m: model }, lr: 0.2 },
            ],
            by_name: { best: { __class__: 'p.models.Model', width: 3 } },
          },
        },
      }),
      makeRecord({ namespace: 'p.train.Orphan', hash: hashOf(5), metadata: null }),
    ]);

    it('should follow lists and dicts, count a plain nested config as a dependency, and skip dependencies of dependencies', () => {
      expect(dag.edges).toEqual([
        { source: 'p.data.Dataset', target: 'p.train.Train', field_name: 'data' },
        { source: 'p.models.Model', target: 'p.train.Ensemble', field_name: 'by_name["best"]' },
        { source: 'p.train.Options', target: 'p.train.Train', field_name: 'opts' },
        { source: 'p.train.Train', target: 'p.train.Ensemble', field_name: 'members[]' },
      ]);
    });

    it('should make a 0-count node of a plain nested config class, as of any dependency class without artifacts', () => {
      expect(dag.nodes.find((node) => node.id === 'p.train.Options')?.total_count).toBe(0);
    });

    it('should keep artifacts without metadata, sort nodes by class name, and fill parent_class with the module', () => {
      expect(dag.nodes.map((node) => [node.class_name, node.parent_class, node.total_count])).toEqual([
        ['Dataset', 'p.data', 1],
        ['Ensemble', 'p.train', 1],
        ['Model', 'p.models', 1],
        ['Options', 'p.train', 0],
        ['Orphan', 'p.train', 1],
        ['Train', 'p.train', 1],
      ]);
      expect(dag.total_experiments).toBe(5);
      expect(dag.total_nodes).toBe(6);
      expect(dag.total_edges).toBe(4);
    });
  });

  describe('when TypeScript metadata declares dependencies by hash', () => {
    it('should use them, making a 0-count node for a class the store lacks', () => {
      const dag = dagOf([
        makeRecord({
          namespace: 'p.Top',
          hash: hashOf(1),
          metadata: {
            gren_obj: { __class__: 'p.Top' },
            gren_dependencies: [
              { field: 'stages[0]', namespace: 'p.Gone', gren_hash: hashOf(8) },
              { field: 'stages[1]', namespace: 'p.Gone', gren_hash: hashOf(9) },
            ],
          },
        }),
      ]);
      expect(dag.edges).toEqual([{ source: 'p.Gone', target: 'p.Top', field_name: 'stages[]' }]);
      expect(dag.nodes.find((node) => node.id === 'p.Gone')).toMatchObject({ total_count: 0, experiments: [] });
    });
  });

  describe('when nodes count statuses', () => {
    it('should count success, failed and running', () => {
      const day = new Date(Date.UTC(2026, 0, 1));
      const dag = dagOf([
        makeRecord({ namespace: 'p.A', hash: hashOf(1), state: { result: 'success', updatedAt: day } }),
        makeRecord({ namespace: 'p.A', hash: hashOf(2), state: { result: 'failed', updatedAt: day } }),
        makeRecord({
          namespace: 'p.A',
          hash: hashOf(3),
          state: { result: 'incomplete', updatedAt: day, attempt: { status: 'running', startedAt: day } },
        }),
      ]);
      expect(dag.nodes[0]).toMatchObject({ total_count: 3, success_count: 1, failed_count: 1, running_count: 1 });
    });
  });
});

describe('when a class has more experiments than a node lists', () => {
  it('should list the most recently updated MAX_NODE_EXPERIMENTS and count them all', () => {
    const minute = (i: number): Date => new Date(Date.UTC(2026, 0, 1) + i * 60_000);
    const count = MAX_NODE_EXPERIMENTS + 3;
    const records = Array.from({ length: count }, (_, i) =>
      makeRecord({ namespace: 'p.Many', hash: hashOf(i + 1), state: { result: 'success', updatedAt: minute(i) } }),
    );
    const [node] = dagOf(records).nodes;
    expect(node?.experiments).toHaveLength(MAX_NODE_EXPERIMENTS);
    expect(node?.experiments[0]?.gren_hash).toBe(hashOf(count));
    expect(node?.experiments.at(-1)?.gren_hash).toBe(hashOf(4));
    expect(node).toMatchObject({ total_count: count, success_count: count });
  });
});

describe(edgeLabel, () => {
  it('should drop list indices only', () => {
    expect(edgeLabel('members[12].x[0]')).toBe('members[].x[]');
    expect(edgeLabel('named["a"]')).toBe('named["a"]');
  });
});

import type { DAGNode, ExperimentDAG } from '@contract/api-types';
import { dagElements, edgeId, nodeLabel, nodeTone } from './dag-elements';

function node(id: string, counts: Partial<DAGNode> = {}): DAGNode {
  return {
    id,
    class_name: id.split('.').pop()!,
    full_class_name: id,
    experiments: [],
    total_count: 1,
    success_count: 1,
    failed_count: 0,
    running_count: 0,
    parent_class: null,
    ...counts,
  };
}

function dag(nodes: DAGNode[], edges: ExperimentDAG['edges']): ExperimentDAG {
  return {
    nodes,
    edges,
    total_nodes: nodes.length,
    total_edges: edges.length,
    total_experiments: 0,
  };
}

describe('dagElements', () => {
  describe('when two fields link the same pair of classes', () => {
    it('should keep two distinct edges, each labelled with its field', () => {
      const { edges } = dagElements(
        dag(
          [node('p.Data'), node('p.Train')],
          [
            { source: 'p.Data', target: 'p.Train', field_name: 'train_data' },
            { source: 'p.Data', target: 'p.Train', field_name: 'valid_data' },
          ],
        ),
      );
      expect(edges.map((e) => e.data.id)).toEqual([
        'p.Data->p.Train#train_data',
        'p.Data->p.Train#valid_data',
      ]);
      expect(edges.map((e) => e.data['label'])).toEqual(['train_data', 'valid_data']);
      expect(new Set(edges.map((e) => e.data.id)).size).toBe(2);
    });
  });

  it('should drop repeated edges and edges to unknown classes instead of failing', () => {
    const edge = { source: 'p.A', target: 'p.B', field_name: 'a' };
    const { edges } = dagElements(
      dag(
        [node('p.A'), node('p.B')],
        [edge, edge, { source: 'p.X', target: 'p.B', field_name: 'x' }],
      ),
    );
    expect(edges.map((e) => e.data.id)).toEqual([edgeId(edge)]);
  });

  it('should give every class a node with its tone, label and a width that fits the label', () => {
    const { nodes } = dagElements(dag([node('p.VeryLongClassNameForTraining'), node('p.A')], []));
    expect(nodes.map((n) => n.data.id)).toEqual(['p.VeryLongClassNameForTraining', 'p.A']);
    expect(nodes[0]!.data['tone']).toBe('success');
    expect(nodes[0]!.data['width'] as number).toBeGreaterThan(nodes[1]!.data['width'] as number);
    expect(nodes[1]!.data['width']).toBe(120);
  });
});

describe('nodeTone', () => {
  it('should put failures before running before all-successful', () => {
    expect(nodeTone(node('a', { failed_count: 1, running_count: 1, success_count: 0 }))).toBe(
      'failed',
    );
    expect(nodeTone(node('a', { running_count: 1, success_count: 0 }))).toBe('running');
    expect(nodeTone(node('a'))).toBe('success');
    expect(nodeTone(node('a', { total_count: 2, success_count: 1 }))).toBe('default');
    expect(nodeTone(node('a', { total_count: 0, success_count: 0 }))).toBe('default');
  });
});

describe('nodeLabel', () => {
  it('should show the class, the total and the non-zero counts', () => {
    expect(nodeLabel(node('p.Leaf', { total_count: 5, success_count: 4, failed_count: 1 }))).toBe(
      'Leaf\n5 total\n✓ 4  ✗ 1',
    );
    expect(nodeLabel(node('p.Dep', { total_count: 0, success_count: 0 }))).toBe('Dep\n0 total');
  });
});

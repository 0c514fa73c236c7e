import type { DAGEdge, DAGNode, ExperimentDAG } from '../contract/api-types';
import type { ArtifactRecord } from '../index/artifact-record';
import { className, type StoredDependency } from 'gren-ts/store';

/**
 * The class graph, as the Python gren's dashboard draws it. One node per namespace that has artifacts
 * (artifacts without metadata included), plus a node with total_count 0 for a dependency
 * class the store holds no artifact of. An edge `dependency class → class` per dependency
 * field; indices of lists are dropped from the label (`members[0]`, `members[1]` → `members[]`)
 * so a list of dependencies gives one edge. Edges are unique on (source, target, field_name).
 *
 * `parent_class` is the module that defines the class: the namespace without its last part
 * (`refstore.pipelines` for `refstore.pipelines.Train`), null for a namespace of one part.
 * The store records no class inheritance, so the module is the only grouping it can give;
 * clients may use it to group nodes.
 *
 * Order: nodes by class_name then id; a node's experiments in list order (most recently
 * updated first); edges by source, target, field_name.
 *
 * A node lists at most MAX_NODE_EXPERIMENTS experiments (its counts cover all of them): a
 * 100,000-experiment store otherwise makes a 12 MB answer that clients spend far longer
 * decompressing and parsing than the server spends sending it, for a list no one scrolls.
 */
/** The most experiments a node lists (the most recently updated). */
export const MAX_NODE_EXPERIMENTS = 1000;

export function buildDag(
  sorted: readonly ArtifactRecord[],
  dependenciesOf: (record: ArtifactRecord) => readonly StoredDependency[],
): ExperimentDAG {
  const nodes = new Map<string, DAGNode>();
  const nodeOf = (namespace: string): DAGNode => {
    let node = nodes.get(namespace);
    if (!node) {
      node = {
        id: namespace,
        class_name: className(namespace),
        full_class_name: namespace,
        experiments: [],
        total_count: 0,
        success_count: 0,
        failed_count: 0,
        running_count: 0,
        parent_class: moduleOf(namespace),
      };
      nodes.set(namespace, node);
    }
    return node;
  };
  for (const record of sorted) {
    const node = nodeOf(record.namespace);
    const { summary } = record;
    if (node.experiments.length < MAX_NODE_EXPERIMENTS)
      node.experiments.push({
        namespace: summary.namespace,
        gren_hash: summary.gren_hash,
        result_status: summary.result_status,
        attempt_status: summary.attempt_status,
      });
    node.total_count += 1;
    if (summary.result_status === 'success') node.success_count += 1;
    else if (summary.result_status === 'failed') node.failed_count += 1;
    if (summary.attempt_status === 'running') node.running_count += 1;
  }
  const edges = new Map<string, DAGEdge>();
  for (const record of sorted) {
    for (const dependency of dependenciesOf(record)) {
      nodeOf(dependency.namespace);
      const edge = { source: dependency.namespace, target: record.namespace, field_name: edgeLabel(dependency.field) };
      edges.set(`${edge.source}\u0000${edge.target}\u0000${edge.field_name}`, edge);
    }
  }
  const nodeList = [...nodes.values()].sort((a, b) => compare(a.class_name, b.class_name) || compare(a.id, b.id));
  const edgeList = [...edges.values()].sort(
    (a, b) => compare(a.source, b.source) || compare(a.target, b.target) || compare(a.field_name, b.field_name),
  );
  return {
    nodes: nodeList,
    edges: edgeList,
    total_nodes: nodeList.length,
    total_edges: edgeList.length,
    total_experiments: nodeList.reduce((sum, node) => sum + node.total_count, 0),
  };
}

/** `members[3]` → `members[]`; names and keys stay. */
export function edgeLabel(field: string): string {
  return field.replace(/\[\d+\]/g, '[]');
}

function moduleOf(namespace: string): string | null {
  const dot = namespace.lastIndexOf('.');
  return dot < 0 ? null : namespace.slice(0, dot);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

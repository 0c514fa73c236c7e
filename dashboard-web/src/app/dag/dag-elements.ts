import type { DAGEdge, DAGNode, ExperimentDAG } from '@contract/api-types';
import type { EdgeDefinition, NodeDefinition } from 'cytoscape';

/** The border colour family of a class node (reference legend order of precedence). */
export type NodeTone = 'failed' | 'running' | 'success' | 'default';

export function nodeTone(node: DAGNode): NodeTone {
  if (node.failed_count > 0) {
    return 'failed';
  }
  if (node.running_count > 0) {
    return 'running';
  }
  if (node.total_count > 0 && node.success_count === node.total_count) {
    return 'success';
  }
  return 'default';
}

/**
 * One id per (source, target, field): two fields linking the same pair of classes give two
 * edges. The reference used `source-target` and lost one of them.
 */
export function edgeId(edge: DAGEdge): string {
  return `${edge.source}->${edge.target}#${edge.field_name}`;
}

export function nodeLabel(node: DAGNode): string {
  const counts = [
    node.success_count > 0 ? `✓ ${node.success_count}` : '',
    node.running_count > 0 ? `▶ ${node.running_count}` : '',
    node.failed_count > 0 ? `✗ ${node.failed_count}` : '',
  ].filter((part) => part !== '');
  const lines = [node.class_name, `${node.total_count} total`];
  if (counts.length > 0) {
    lines.push(counts.join('  '));
  }
  return lines.join('\n');
}

const CHAR_WIDTH_PX = 7.5;
const NODE_PADDING_PX = 36;
const MIN_NODE_WIDTH_PX = 120;

/** The graph of classes in cytoscape's element format. */
export function dagElements(dag: ExperimentDAG): {
  nodes: NodeDefinition[];
  edges: EdgeDefinition[];
} {
  const nodes = dag.nodes.map((node): NodeDefinition => {
    const label = nodeLabel(node);
    const longest = Math.max(...label.split('\n').map((line) => line.length));
    return {
      group: 'nodes',
      data: {
        id: node.id,
        label,
        tone: nodeTone(node),
        width: Math.max(MIN_NODE_WIDTH_PX, Math.round(longest * CHAR_WIDTH_PX + NODE_PADDING_PX)),
      },
    };
  });
  const known = new Set(dag.nodes.map((n) => n.id));
  const seen = new Set<string>();
  const edges: EdgeDefinition[] = [];
  for (const edge of dag.edges) {
    const id = edgeId(edge);
    // cytoscape throws on a duplicate id or a dangling end; skip rather than fail the view.
    if (seen.has(id) || !known.has(edge.source) || !known.has(edge.target)) {
      continue;
    }
    seen.add(id);
    edges.push({
      group: 'edges',
      data: {
        id,
        source: edge.source,
        target: edge.target,
        label: edge.field_name,
      },
    });
  }
  return { nodes, edges };
}

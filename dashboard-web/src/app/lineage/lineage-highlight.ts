import type { DAGEdge } from '@contract/api-types';
import type { ExperimentLineage } from '@contract/insight-types';
import { edgeId } from '../dag/dag-elements';

/** The classes and dependency edges of one experiment's lineage, for the DAG page. */
export interface LineageHighlight {
  /** The experiment's own class. */
  readonly self: string;
  readonly upstream: ReadonlySet<string>;
  readonly downstream: ReadonlySet<string>;
  /** Edges (by `edgeId`) on a path from an upstream class to the experiment's, or from it to a downstream class. */
  readonly edges: ReadonlySet<string>;
}

/**
 * Which classes hold an experiment's dependencies (upstream) and dependents (downstream), and
 * which class edges lie between them. An edge is upstream when both ends are upstream classes
 * or it ends at the experiment's class; downstream likewise.
 */
export function lineageHighlight(self: string, lineage: ExperimentLineage, edges: readonly DAGEdge[]): LineageHighlight {
  const upstream = new Set(lineage.upstream.by_class.map((c) => c.namespace));
  const downstream = new Set(lineage.downstream.by_class.map((c) => c.namespace));
  const onUpstreamPath = (edge: DAGEdge): boolean =>
    upstream.has(edge.source) && (edge.target === self || upstream.has(edge.target));
  const onDownstreamPath = (edge: DAGEdge): boolean =>
    downstream.has(edge.target) && (edge.source === self || downstream.has(edge.source));
  return {
    self,
    upstream,
    downstream,
    edges: new Set(edges.filter((edge) => onUpstreamPath(edge) || onDownstreamPath(edge)).map(edgeId)),
  };
}

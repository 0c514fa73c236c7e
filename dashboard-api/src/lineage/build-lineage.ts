import type { ExperimentLineage, LineageClassCount, LineageExperiment, LineageSide } from '../contract/insight-types';
import type { ArtifactRecord } from '../index/artifact-record';
import { className } from 'gren-ts/store';

/** At most this many experiments are listed per side (the counts cover all of them). */
export const MAX_LINEAGE_LISTED = 1000;

/**
 * Everything `target` depends on (upstream) and everything that depends on it (downstream),
 * transitively, breadth first: nearest first, then by namespace and hash. Each experiment is
 * counted once, at its smallest depth; a cycle (which gren cannot produce) ends the walk.
 */
export function buildLineage(
  target: ArtifactRecord,
  parentsOf: (record: ArtifactRecord) => Iterable<ArtifactRecord>,
  childrenOf: (record: ArtifactRecord) => Iterable<ArtifactRecord>,
): ExperimentLineage {
  return { upstream: walk(target, parentsOf), downstream: walk(target, childrenOf) };
}

function walk(target: ArtifactRecord, next: (record: ArtifactRecord) => Iterable<ArtifactRecord>): LineageSide {
  const seen = new Set<ArtifactRecord>([target]);
  const found: LineageExperiment[] = [];
  let frontier: ArtifactRecord[] = [target];
  for (let depth = 1; frontier.length > 0; depth += 1) {
    const level: ArtifactRecord[] = [];
    for (const record of frontier) {
      for (const neighbour of next(record)) {
        if (seen.has(neighbour)) continue;
        seen.add(neighbour);
        level.push(neighbour);
      }
    }
    level.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.hash, b.hash));
    for (const record of level) {
      found.push({
        namespace: record.namespace,
        gren_hash: record.hash,
        class_name: className(record.namespace),
        result_status: record.summary.result_status,
        depth,
      });
    }
    frontier = level;
  }
  return { experiments: found.slice(0, MAX_LINEAGE_LISTED), total: found.length, by_class: countByClass(found) };
}

function countByClass(experiments: readonly LineageExperiment[]): LineageClassCount[] {
  const counts = new Map<string, number>();
  for (const experiment of experiments) counts.set(experiment.namespace, (counts.get(experiment.namespace) ?? 0) + 1);
  return [...counts.entries()]
    .map(([namespace, count]) => ({ namespace, class_name: className(namespace), count }))
    .sort((a, b) => b.count - a.count || compare(a.namespace, b.namespace));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { GrenObject } from '../model/gren-object';
import { findDependencyObjects } from '../provenance/find-dependencies';
import { artifactOf } from '../runtime/artifact';
import { hasUsableResult } from '../runtime/cached-result';
import type { GrenRuntime } from '../runtime/gren-runtime';

/** One distinct artifact of a sweep (configs equal by hash share one node). */
export interface SweepNode {
  /** The artifact directory: unique per namespace and hash. */
  readonly key: string;
  readonly object: GrenObject<unknown>;
  readonly className: string;
  readonly hash: string;
  /** Listed in the sweep's input (false: only reached as a dependency). */
  requested: boolean;
  /** A valid result exists: nothing to run. */
  readonly cached: boolean;
  /** Dependencies that must be computed first (cached ones are left out). */
  readonly dependencies: SweepNode[];
  readonly dependants: SweepNode[];
  /** 0 for nodes without dependencies to compute, else 1 + the highest level among them. */
  level: number;
}

export interface SweepPlan {
  /** Every node, cached or not, in dependency order. */
  readonly nodes: readonly SweepNode[];
  /** The nodes to compute, by level: level 0 first. */
  readonly levels: readonly (readonly SweepNode[])[];
}

/**
 * The dependency graph of what `configs` still need: configs with a valid result are left
 * as cached (their dependencies are not visited); the others and every uncached config they
 * reach are ordered in levels, so each level only depends on earlier ones.
 */
export async function planSweep(runtime: GrenRuntime, configs: readonly GrenObject<unknown>[]): Promise<SweepPlan> {
  const nodes = new Map<string, SweepNode>();
  const ordered: SweepNode[] = [];
  const visit = async (object: GrenObject<unknown>, requested: boolean): Promise<SweepNode> => {
    const artifact = artifactOf(object);
    const known = nodes.get(artifact.dir);
    if (known) {
      known.requested ||= requested;
      return known;
    }
    const cached = await hasUsableResult(runtime, artifact);
    const node: SweepNode = {
      key: artifact.dir,
      object,
      className: artifact.className,
      hash: artifact.hash,
      requested,
      cached,
      dependencies: [],
      dependants: [],
      level: 0,
    };
    nodes.set(node.key, node);
    if (!cached) {
      for (const { object: dependency } of findDependencyObjects(object)) {
        // Marked objects are GrenObject instances (provenance only checks the mark).
        const child = await visit(dependency as unknown as GrenObject<unknown>, false);
        if (child.cached || node.dependencies.includes(child)) continue;
        node.dependencies.push(child);
        child.dependants.push(node);
      }
      node.level = node.dependencies.reduce((level, child) => Math.max(level, child.level + 1), 0);
    }
    ordered.push(node);
    return node;
  };
  for (const config of configs) await visit(config, true);
  const levels: SweepNode[][] = [];
  for (const node of ordered) {
    if (node.cached) continue;
    (levels[node.level] ??= []).push(node);
  }
  return { nodes: ordered, levels };
}

import * as path from 'node:path';
import {
  diffConfigs,
  readMetadataWithTypeScriptFacts,
  treeOfStored,
  type ConfigTree,
  type FieldDifference,
} from 'gren-ts';
import type { ConfigDifference, SimilarExperiment, SimilarExperiments } from '../contract/insight-types';
import type { ArtifactRecord } from '../index/artifact-record';
import { configLeaves, leafDistance, type ConfigLeaves } from './leaf-distance';

/** How many more candidates than asked for get the exact comparison (the cheap ranking may misorder a few). */
const SHORTLIST_FACTOR = 4;
const MIN_SHORTLIST = 20;

/**
 * The stored configs of `target`'s class nearest to its own, compared as `gren explain`
 * compares (diffConfigs over the configs' hash forms: values differ exactly when they hash
 * differently, a differing dependency as its own fields). Every sibling with metadata is
 * ranked by a cheap leaf count from the index; the nearest few are read from disk and
 * compared exactly. Order: fewest differences, then successful results, then most recently
 * updated, then hash.
 */
export class SimilarFinder {
  private readonly leaves = new WeakMap<object, ConfigLeaves>();

  find(target: ArtifactRecord, siblings: readonly ArtifactRecord[], limit: number): SimilarExperiments {
    const base = { namespace: target.namespace, gren_hash: target.hash };
    const candidates = siblings.filter((record) => record !== target);
    const comparable = candidates.filter((record) => record.metadata?.config);
    const notComparable = candidates.length - comparable.length;
    const targetTree = storedTree(target);
    const targetConfig = target.metadata?.config;
    if (targetTree === undefined || !targetConfig)
      return { ...base, comparable: false, compared: 0, not_comparable: notComparable, nearest: [] };
    const own = this.leavesOf(targetConfig);
    const shortlist = nearestByLeaves(
      comparable,
      (record) => leafDistance(this.leavesOf(record.metadata?.config ?? {}), own),
      Math.max(MIN_SHORTLIST, limit * SHORTLIST_FACTOR),
    );
    const nearest: (SimilarExperiment & { updatedMs: number })[] = [];
    for (const record of shortlist) {
      const tree = storedTree(record);
      if (tree === undefined) continue;
      nearest.push({
        namespace: record.namespace,
        gren_hash: record.hash,
        result_status: record.summary.result_status,
        updated_at: record.summary.updated_at,
        differences: diffConfigs(tree.tree, targetTree.tree).map(toDifference),
        updatedMs: record.updatedMs ?? Number.NEGATIVE_INFINITY,
      });
    }
    nearest.sort(
      (a, b) =>
        a.differences.length - b.differences.length ||
        Number(b.result_status === 'success') - Number(a.result_status === 'success') ||
        b.updatedMs - a.updatedMs ||
        (a.gren_hash < b.gren_hash ? -1 : 1),
    );
    return {
      ...base,
      comparable: true,
      compared: comparable.length,
      not_comparable: notComparable,
      nearest: nearest.slice(0, limit).map(({ updatedMs: _updated, ...similar }) => similar),
    };
  }

  private leavesOf(config: Record<string, unknown>): ConfigLeaves {
    let leaves = this.leaves.get(config);
    if (!leaves) {
      leaves = configLeaves(config);
      this.leaves.set(config, leaves);
    }
    return leaves;
  }
}

/** The `size` records of smallest distance, in one pass (a class may have tens of thousands). */
function nearestByLeaves(
  records: readonly ArtifactRecord[],
  distanceOf: (record: ArtifactRecord) => number,
  size: number,
): ArtifactRecord[] {
  const kept: { record: ArtifactRecord; distance: number }[] = [];
  for (const record of records) {
    const distance = distanceOf(record);
    if (kept.length === size && distance >= (kept[size - 1] as { distance: number }).distance) continue;
    let at = kept.length;
    while (at > 0 && (kept[at - 1] as { distance: number }).distance > distance) at -= 1;
    kept.splice(at, 0, { record, distance });
    if (kept.length > size) kept.pop();
  }
  return kept.map((entry) => entry.record);
}

/** The artifact's stored config in hash form, read losslessly from disk (1.0 stays a float); undefined without one. */
function storedTree(record: ArtifactRecord): { tree: ConfigTree } | undefined {
  try {
    const metadata = readMetadataWithTypeScriptFacts(path.join(record.directory, '.gren', 'metadata.json'));
    const config = metadata?.gren_obj;
    if (typeof config !== 'object' || config === null || Array.isArray(config)) return undefined;
    return { tree: treeOfStored(config, record.hash).tree };
  } catch {
    return undefined;
  }
}

/** old = the similar (stored) config, new = this one, as in `gren explain`. */
function toDifference(difference: FieldDifference): ConfigDifference {
  return {
    path: difference.path,
    change: difference.change,
    ...(difference.change === 'added' ? {} : { other: difference.old }),
    ...(difference.change === 'removed' ? {} : { this: difference.new }),
  };
}

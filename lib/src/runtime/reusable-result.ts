import * as path from 'node:path';
import { getLogger } from '../logging/gren-logger';
import { registry } from '../metadata/registry';
import { earlierIdentities, MAX_COMBINATIONS } from '../migration/earlier-identities';
import { configNodeOf, nodeHash } from '../migration/identity-tree';
import { ArtifactPaths } from '../storage/artifact-paths';
import { resultDirOf } from '../storage/result-link';
import type { Artifact } from './artifact';
import type { GrenRuntime } from './gren-runtime';

const logger = getLogger();

/** A stored success of an earlier identity of a config, and the steps that map it to now. */
export interface ReusableResult {
  readonly namespace: string;
  readonly hash: string;
  /** The earlier identity's artifact folder. */
  readonly dir: string;
  /** The folder holding the result (the earlier artifact's, or the one it links to). */
  readonly resultDir: string;
  readonly steps: readonly string[];
}

/**
 * The most recent earlier identity of the artifact's config (through its class's declared
 * migrations and those of the configs it nests) whose artifact holds a success; reads only.
 */
export function findReusableResult<T>(runtime: GrenRuntime, artifact: Artifact<T>): ReusableResult | undefined {
  // Without any declared migration no config has an earlier identity: skip building its identity tree.
  if (!registry.hasMigratingClasses()) return undefined;
  const earlier = earlierIdentities(configNodeOf(artifact.object));
  if (earlier.identities.length === 0) return undefined;
  const root = storeRootOf(artifact);
  for (const identity of earlier.identities) {
    const hash = nodeHash(identity.node);
    const dir = path.join(root, ...identity.node.namespace.split('.'), hash);
    if (!hasSuccess(runtime, dir)) continue;
    const resultDir = resultDirOf(dir);
    if (resultDir !== dir && !hasSuccess(runtime, resultDir)) continue;
    return { namespace: identity.node.namespace, hash, dir, resultDir, steps: identity.steps };
  }
  if (earlier.truncated) {
    logger.warning(
      `${artifact.className} ${artifact.hash}: no stored result under the earlier identities of the ${MAX_COMBINATIONS} most recent ` +
        'combinations of versions of the migrated classes it nests; older combinations were not tried. ' +
        'Run `gren migrate <module>` to link stored artifacts of any age to their new identities.',
    );
  }
  return undefined;
}

function hasSuccess(runtime: GrenRuntime, dir: string): boolean {
  return runtime.states.read(new ArtifactPaths(dir)).result.status === 'success';
}

/** `<store>/data` (or `/git`): the artifact folder without its namespace folders and hash. */
function storeRootOf<T>(artifact: Artifact<T>): string {
  const depth = artifact.model.namespace.split('.').length + 1;
  return path.resolve(artifact.dir, ...Array<string>(depth).fill('..'));
}

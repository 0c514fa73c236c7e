import { artifactRef } from './store-layout';

/** An artifact as dependency matching sees it: its name and the hash its stored config gives. */
export interface MatchableArtifact {
  readonly namespace: string;
  readonly hash: string;
  /** configHash of its metadata's `gren_obj`; undefined without metadata. */
  readonly configHash: string | undefined;
}

export type MatchedBy = 'hash' | 'config' | 'none';

/**
 * Finds the artifacts a dependency stands for, with the hash's equality: the artifact named
 * `<namespace>/<hash>`, else (when the stored text does not give the folder's exact hash
 * back, as for some Python-written configs) those of the namespace whose stored config
 * gives that hash. Artifacts keep the order they were given in (data/ before git/).
 */
export class DependencyMatcher<T extends MatchableArtifact> {
  private readonly byRef = new Map<string, T[]>();
  private readonly byConfig = new Map<string, T[]>();

  constructor(artifacts: Iterable<T>) {
    for (const artifact of artifacts) {
      push(this.byRef, artifactRef(artifact.namespace, artifact.hash), artifact);
      if (artifact.configHash !== undefined)
        push(this.byConfig, artifactRef(artifact.namespace, artifact.configHash), artifact);
    }
  }

  match(dependency: { readonly namespace: string; readonly hash: string | null }): {
    artifacts: readonly T[];
    matchedBy: MatchedBy;
  } {
    if (dependency.hash === null) return { artifacts: [], matchedBy: 'none' };
    const ref = artifactRef(dependency.namespace, dependency.hash);
    const byHash = this.byRef.get(ref);
    if (byHash) return { artifacts: byHash, matchedBy: 'hash' };
    const byConfig = this.byConfig.get(ref);
    return byConfig ? { artifacts: byConfig, matchedBy: 'config' } : { artifacts: [], matchedBy: 'none' };
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

import type { ListedResult } from './statuses';
import { buildDependents, matcherOf } from './dependency-graph';
import type { MatchedBy } from './dependency-matcher';
import { readArtifact } from './read-artifact';
import type { StoreGraphEntry } from './read-store-graph';
import { directDependencies } from './stored-dependencies';
import type { ArtifactLocation } from './store-layout';

/** A direct dependency of an artifact (a parent) and, when the store has it, its artifact. */
export interface ParentView {
  readonly field: string;
  readonly namespace: string;
  /** The matched artifact's hash, else the declared or computed one (null when it cannot be). */
  readonly hash: string | null;
  readonly location: ArtifactLocation | null;
  readonly result: ListedResult | null;
  /** declared: our metadata's gren_dependencies; hash / config: how a nested config was matched; none: not in the store. */
  readonly matchedBy: 'declared' | MatchedBy;
}

/** An artifact that depends on this one directly (a child). */
export interface ChildView {
  readonly field: string;
  readonly location: ArtifactLocation;
  readonly result: ListedResult;
}

export interface ArtifactRelations {
  readonly parents: readonly ParentView[];
  readonly children: readonly ChildView[];
}

/** The parents and children of `target` among the store's `entries`. */
export function artifactRelations(target: StoreGraphEntry, entries: readonly StoreGraphEntry[]): ArtifactRelations {
  const matcher = matcherOf(entries);
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const parents = directDependencies(target.metadata).map((dependency): ParentView => {
    const { artifacts, matchedBy } = matcher.match(dependency);
    const found = artifacts[0];
    return {
      field: dependency.field,
      namespace: dependency.namespace,
      hash: found?.hash ?? dependency.hash,
      location: found?.location ?? null,
      result: found ? readArtifact(found.location).result : null,
      matchedBy: dependency.declared ? 'declared' : matchedBy,
    };
  });
  const children = (buildDependents(entries).get(target.key) ?? []).map(({ key: childKey, field }): ChildView => {
    const location = byKey.get(childKey)!.location;
    return { field, location, result: readArtifact(location).result };
  });
  return { parents, children };
}

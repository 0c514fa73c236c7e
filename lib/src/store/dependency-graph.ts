import { isPlainObject } from '../model/is-plain-object';
import { configHash } from './config-identity';
import { DependencyMatcher, type MatchableArtifact } from './dependency-matcher';
import { allDependencies, directDependencies } from './stored-dependencies';

/** An artifact as the dependency graph sees it: its key, namespace, hash and raw metadata (if any). */
export interface GraphEntry {
  readonly key: string;
  readonly namespace: string;
  readonly hash: string;
  readonly metadata: Record<string, unknown> | undefined;
}

/** A child of an artifact: an artifact that depends on it directly, through `field`. */
export interface Dependent {
  readonly key: string;
  readonly field: string;
}

/** The matcher over these entries (each with the hash its stored config gives). */
export function matcherOf<T extends GraphEntry>(entries: readonly T[]): DependencyMatcher<T & MatchableArtifact> {
  return new DependencyMatcher(
    entries.map((entry) => {
      const config = entry.metadata?.gren_obj;
      return { ...entry, configHash: isPlainObject(config) ? configHash(config) : undefined };
    }),
  );
}

/**
 * What each artifact depends on at any depth within the store (what gc protects): declared
 * dependencies and every nested config, matched as DependencyMatcher does.
 */
export function buildDependencyGraph(entries: readonly GraphEntry[]): Map<string, string[]> {
  const matcher = matcherOf(entries);
  const graph = new Map<string, string[]>();
  for (const entry of entries) {
    const found = new Set<string>();
    for (const dependency of allDependencies(entry.metadata))
      for (const artifact of matcher.match(dependency).artifacts) found.add(artifact.key);
    found.delete(entry.key);
    graph.set(entry.key, [...found].sort());
  }
  return graph;
}

/** The children of every artifact: who depends on it directly, through which field. */
export function buildDependents(entries: readonly GraphEntry[]): Map<string, Dependent[]> {
  const matcher = matcherOf(entries);
  const dependents = new Map<string, Dependent[]>();
  for (const entry of entries) {
    for (const dependency of directDependencies(entry.metadata)) {
      const parent = matcher.match(dependency).artifacts[0];
      if (!parent || parent.key === entry.key) continue;
      const list = dependents.get(parent.key) ?? [];
      list.push({ key: entry.key, field: dependency.field });
      dependents.set(parent.key, list);
    }
  }
  return dependents;
}

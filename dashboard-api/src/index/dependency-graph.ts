import type { ArtifactRecord } from './artifact-record';

/** A direct dependency of an artifact: a gren object among its config's fields. */
export interface DirectDependency {
  /** Where it sits in the config: `dataset`, `stages[1]`, `models["a"]`, `opt.data`. */
  field: string;
  /** Its class (namespace). */
  namespace: string;
  /** The artifact it resolves to in the store, or null when the store does not hold it. */
  parent: ArtifactRecord | null;
}

export interface Dependent {
  child: ArtifactRecord;
  field: string;
}

export interface DependencyGraph {
  dependencies: ReadonlyMap<ArtifactRecord, readonly DirectDependency[]>;
  dependents: ReadonlyMap<ArtifactRecord, readonly Dependent[]>;
  /** Namespaces that have artifacts in the store. */
  classes: ReadonlySet<string>;
}

/**
 * Links artifacts to the gren objects they depend on (D9, D13). Metadata written by our
 * library lists them (`gren_dependencies`, with hashes): those are used as they are. For
 * metadata written by the Python gren, a nested `__class__` object counts as a dependency
 * when its class has artifacts in the store (a plain nested config does not) and no enclosing
 * object already counts (that would be a dependency of a dependency); it is matched to the
 * artifact whose stored config equals it.
 */
export function buildDependencyGraph(
  records: readonly ArtifactRecord[],
  find: (namespace: string, hash: string) => ArtifactRecord | undefined,
): DependencyGraph {
  const classes = new Set<string>();
  const byConfig = new Map<string, ArtifactRecord[]>();
  for (const record of records) {
    classes.add(record.namespace);
    const key = record.metadata?.configKey;
    if (key) {
      const list = byConfig.get(key);
      if (list) list.push(record);
      else byConfig.set(key, [record]);
    }
  }
  const dependencies = new Map<ArtifactRecord, DirectDependency[]>();
  const dependents = new Map<ArtifactRecord, Dependent[]>();
  for (const record of records) {
    const found = directDependencies(record, classes, byConfig, find);
    if (found.length === 0) continue;
    dependencies.set(record, found);
    for (const dependency of found) {
      if (!dependency.parent) continue;
      const list = dependents.get(dependency.parent);
      const entry = { child: record, field: dependency.field };
      if (list) list.push(entry);
      else dependents.set(dependency.parent, [entry]);
    }
  }
  return { dependencies, dependents, classes };
}

function directDependencies(
  record: ArtifactRecord,
  classes: ReadonlySet<string>,
  byConfig: ReadonlyMap<string, ArtifactRecord[]>,
  find: (namespace: string, hash: string) => ArtifactRecord | undefined,
): DirectDependency[] {
  const metadata = record.metadata;
  if (!metadata) return [];
  if (metadata.declaredDependencies) {
    return metadata.declaredDependencies.map((ref) => ({
      field: ref.field,
      namespace: ref.namespace,
      parent: find(ref.namespace, ref.gren_hash) ?? null,
    }));
  }
  const found: DirectDependency[] = [];
  const covered: boolean[] = [];
  metadata.nested.forEach((nested, index) => {
    const enclosed = nested.parent >= 0 && covered[nested.parent] === true;
    const counts = !enclosed && classes.has(nested.className);
    covered[index] = enclosed || counts;
    if (!counts) return;
    const parent =
      byConfig.get(nested.configKey)?.find((candidate) => candidate.namespace === nested.className) ?? null;
    found.push({ field: nested.field, namespace: nested.className, parent });
  });
  return found;
}

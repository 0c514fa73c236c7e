import type { ArtifactRecord } from './artifact-record';

/** A direct dependency of an artifact: a gren object among its config's fields. */
export interface DirectDependency {
  /** Where it sits in the config: `dataset`, `stages[1]`, `models["a"]`, `opt.data`. */
  field: string;
  /** Its class (namespace). */
  namespace: string;
  /** Known when our library wrote the metadata (`gren_dependencies`). */
  hash: string | null;
  /** Known when the Python gren wrote it: the digest of the embedded config. */
  configKey: string | null;
}

/**
 * The gren objects an artifact depends on directly (D9, D13). Metadata written by our library
 * lists them (`gren_dependencies`, with hashes): they are taken as they are. For metadata
 * written by the Python gren, a nested `__class__` object counts when its class has artifacts
 * in the store (a plain nested config does not) and no enclosing object already counts (that
 * would be a dependency of a dependency).
 */
export function directDependencies(record: ArtifactRecord, classes: ReadonlySet<string>): DirectDependency[] {
  const metadata = record.metadata;
  if (!metadata) return [];
  if (metadata.declaredDependencies) {
    return metadata.declaredDependencies.map((ref) => ({
      field: ref.field,
      namespace: ref.namespace,
      hash: ref.gren_hash,
      configKey: null,
    }));
  }
  const found: DirectDependency[] = [];
  const covered: boolean[] = [];
  for (let index = 0; index < metadata.nested.length; index += 1) {
    const nested = metadata.nested[index];
    if (!nested) continue;
    const enclosed = nested.parent >= 0 && covered[nested.parent] === true;
    const counts = !enclosed && classes.has(nested.className);
    covered[index] = enclosed || counts;
    if (counts)
      found.push({ field: nested.field, namespace: nested.className, hash: null, configKey: nested.configKey });
  }
  return found;
}

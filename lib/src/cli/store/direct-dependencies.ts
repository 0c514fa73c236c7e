import * as fs from 'node:fs';
import * as path from 'node:path';
import { canonicalOfTree, hashOfTree } from '../../explain/config-tree';
import type { StoredResult } from '../../explain/explanation';
import { hashFormOf } from '../../explain/hash-form';
import { isPlainObject } from '../../model/is-plain-object';
import { ArtifactPaths } from '../../storage/artifact-paths';
import { readMetadataRaw } from '../../storage/read-metadata';
import { STORE_ROOTS } from './find-artifacts';
import { nestedConfigs } from './nested-configs';
import { readArtifact } from './read-artifact';

/** A dependency of an artifact and, when the store has it, its artifact and result. */
export interface DependencyView {
  readonly field: string;
  readonly namespace: string;
  readonly hash: string | null;
  readonly directory: string | null;
  readonly result: StoredResult | null;
  /** declared: our metadata's gren_dependencies; hash / config: a nested `__class__` object of gren_obj found by its computed hash or an equal stored config; none: not in the store. */
  readonly matchedBy: 'declared' | 'hash' | 'config' | 'none';
}

/**
 * The direct dependencies of a stored config: our metadata declares them
 * (`gren_dependencies`); for the Python gren's, they are the outermost `__class__` objects
 * inside `gren_obj` (plain nested configs included, as the reference dashboard shows them).
 */
export function directDependencies(base: string, metadata: Record<string, unknown>): DependencyView[] {
  const declared = metadata.gren_dependencies;
  if (Array.isArray(declared)) {
    return declared.filter(isPlainObject).map((ref) => {
      const namespace = String(ref.namespace);
      const hash = String(ref.gren_hash);
      const directory = findByHash(base, namespace, hash) ?? null;
      return {
        field: String(ref.field),
        namespace,
        hash,
        directory,
        result: directory ? readArtifact({ root: 'data', namespace, hash, directory }).result : null,
        matchedBy: 'declared' as const,
      };
    });
  }
  const config = metadata.gren_obj;
  if (!isPlainObject(config)) return [];
  return nestedConfigs(config, false).map((nested) => {
    const form = hashFormOf(nested.value);
    const hash = safe(() => hashOfTree(form));
    const byHash = hash === undefined ? undefined : findByHash(base, nested.namespace, hash);
    const byConfig = byHash
      ? undefined
      : findByConfig(
          base,
          nested.namespace,
          safe(() => canonicalOfTree(form)),
        );
    const directory = byHash ?? byConfig ?? null;
    const found = directory
      ? readArtifact({ root: 'data', namespace: nested.namespace, hash: path.basename(directory), directory })
      : undefined;
    return {
      field: nested.field,
      namespace: nested.namespace,
      hash: directory ? path.basename(directory) : (hash ?? null),
      directory,
      result: found ? found.result : null,
      matchedBy: byHash ? ('hash' as const) : byConfig ? ('config' as const) : ('none' as const),
    };
  });
}

function findByHash(base: string, namespace: string, hash: string): string | undefined {
  for (const root of STORE_ROOTS) {
    const directory = path.join(base, root, ...namespace.split('.'), hash);
    if (fs.existsSync(path.join(directory, '.gren'))) return directory;
  }
  return undefined;
}

function findByConfig(base: string, namespace: string, canonical: string | undefined): string | undefined {
  if (canonical === undefined) return undefined;
  for (const root of STORE_ROOTS) {
    const namespaceDir = path.join(base, root, ...namespace.split('.'));
    for (const name of safe(() => fs.readdirSync(namespaceDir)) ?? []) {
      const directory = path.join(namespaceDir, name);
      const stored = safe(() => readMetadataRaw(new ArtifactPaths(directory).metadata))?.gren_obj;
      if (isPlainObject(stored) && safe(() => canonicalOfTree(hashFormOf(stored))) === canonical) return directory;
    }
  }
  return undefined;
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

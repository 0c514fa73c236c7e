import * as path from 'node:path';
import { isPlainObject } from '../model/is-plain-object';
import { GREN_DIR_NAME, METADATA_FILE } from '../storage/artifact-paths';
import { readMetadataRaw } from '../storage/read-metadata';
import { namespaceOwner } from '../migration/namespace-owners';
import { staleConfig, type StaleVerdict } from '../migration/stale-config';

/**
 * The stale verdict of a stored artifact: its metadata's `gren_obj` against the classes
 * registered now. undefined when it fits, when no registered class owns its namespace
 * (nothing to judge it by: load the module that declares it), or without readable metadata.
 */
export function staleArtifact(directory: string, namespace: string): StaleVerdict | undefined {
  if (!namespaceOwner(namespace)) return undefined;
  let metadata: Record<string, unknown> | undefined;
  try {
    metadata = readMetadataRaw(path.join(directory, GREN_DIR_NAME, METADATA_FILE));
  } catch {
    return undefined;
  }
  const stored = metadata?.['gren_obj'];
  return isPlainObject(stored) ? staleConfig(stored) : undefined;
}

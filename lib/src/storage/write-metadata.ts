import { stringifyPythonJson } from '../serialization/python-json';
import type { ArtifactPaths } from './artifact-paths';
import { writeFileAtomic } from './atomic-write';
import { PYTHON_METADATA_KEYS, TYPESCRIPT_METADATA_KEYS, type GrenMetadata } from './metadata-types';

/**
 * Writes an artifact's metadata in two files: metadata.json with exactly the Python gren's
 * keys in its order (its strict schema forbids any other), then metadata-ts.json with ours
 * (both describe the same config, the artifact's, so a reader between the two writes sees
 * at worst the previous attempt's versions).
 */
export function writeMetadataFiles(paths: ArtifactPaths, metadata: GrenMetadata): void {
  // Not fsynced: what must survive a power cut is the state and the success marker; a
  // metadata file lost or left empty by one reads as no metadata, not as a different result.
  const notDurable = { durable: false };
  writeFileAtomic(paths.metadata, stringifyPythonJson(pick(metadata, PYTHON_METADATA_KEYS), { indent: 2 }), notDurable);
  writeFileAtomic(
    paths.typescriptMetadata,
    stringifyPythonJson(pick(metadata, TYPESCRIPT_METADATA_KEYS), { indent: 2 }),
    notDurable,
  );
}

function pick(metadata: GrenMetadata, keys: readonly (keyof GrenMetadata)[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) picked[key] = metadata[key] ?? null;
  return picked;
}

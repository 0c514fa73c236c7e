import { readMetadataRaw } from '../storage/read-metadata';
import { findArtifacts } from './find-artifacts';
import type { GraphEntry } from './dependency-graph';
import { artifactKey, METADATA_SUFFIX, type ArtifactLocation } from './store-layout';

/** A graph entry that knows its folder. */
export interface StoreGraphEntry extends GraphEntry {
  readonly location: ArtifactLocation;
}

/** The store's artifacts with their raw metadata (undefined when missing or unreadable). */
export function readGraphEntries(locations: readonly ArtifactLocation[]): StoreGraphEntry[] {
  return locations.map((location) => ({
    location,
    key: artifactKey(location.root, location.namespace, location.hash),
    namespace: location.namespace,
    hash: location.hash,
    metadata: readMetadataOrUndefined(location.directory + METADATA_SUFFIX),
  }));
}

/** Every artifact of the store at `base` as a graph entry. */
export function readStoreGraph(base: string): StoreGraphEntry[] {
  return readGraphEntries(findArtifacts(base));
}

function readMetadataOrUndefined(file: string): Record<string, unknown> | undefined {
  try {
    return readMetadataRaw(file);
  } catch {
    return undefined;
  }
}

import { ArtifactPaths } from './artifact-paths';
import { readMetadata, readMetadataWithTypeScriptFacts } from './read-metadata';
import type { GrenMetadata } from './metadata-types';

/** Read-only view of an artifact's metadata.json. */
export class MetadataManager {
  readonly paths: ArtifactPaths;

  constructor(directory: string) {
    this.paths = new ArtifactPaths(directory);
  }

  /** Validated metadata; throws `Metadata not found` before the first computation. */
  read(): GrenMetadata {
    return readMetadata(this.paths.metadata);
  }

  /** Parsed metadata (with our facts from metadata-ts.json) without validation, or undefined when there is none. */
  readRaw(): Record<string, unknown> | undefined {
    return readMetadataWithTypeScriptFacts(this.paths.metadata);
  }
}

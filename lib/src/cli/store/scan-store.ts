import { directorySize } from '../../store/directory-size';
import type { ArtifactRecord } from '../../store/artifact-record';
import { findArtifacts, type FindArtifactsOptions } from '../../store/find-artifacts';
import { readArtifact } from '../../store/read-artifact';
import type { ArtifactLocation } from '../../store/store-layout';
import type { Progress } from '../progress';

export interface ScannedArtifact extends ArtifactRecord {
  readonly sizeBytes: number;
}

/** Every artifact of the store at `base` with its state and size on disk (progress per artifact). */
export function scanStore(
  base: string,
  progress: Progress,
  include: (location: ArtifactLocation) => boolean = () => true,
  options: FindArtifactsOptions = {},
): ScannedArtifact[] {
  const locations = findArtifacts(base, options).filter(include);
  progress.start(locations.length, 'reading artifacts');
  const scanned = locations.map((location) => {
    const record = readArtifact(location);
    const sizeBytes = directorySize(location.directory);
    progress.tick();
    return { ...record, sizeBytes };
  });
  progress.stop();
  return scanned;
}

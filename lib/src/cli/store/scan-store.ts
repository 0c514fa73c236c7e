import type { Progress } from '../progress';
import type { ArtifactRecord } from './artifact-record';
import { directorySize } from './directory-size';
import { findArtifacts, type ArtifactLocation } from './find-artifacts';
import { readArtifact } from './read-artifact';

export interface ScannedArtifact extends ArtifactRecord {
  readonly sizeBytes: number;
}

/** Every artifact of the store at `base` with its state and size on disk (progress per artifact). */
export function scanStore(
  base: string,
  progress: Progress,
  include: (location: ArtifactLocation) => boolean = () => true,
): ScannedArtifact[] {
  const locations = findArtifacts(base).filter(include);
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

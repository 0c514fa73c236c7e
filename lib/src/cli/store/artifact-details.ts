import * as os from 'node:os';
import { isPlainObject } from '../../model/is-plain-object';
import { isPidAlive } from '../../runtime/pid-alive';
import { GREN_CONFIG } from '../../settings/gren-config';
import { ArtifactPaths } from '../../storage/artifact-paths';
import { readEvents } from '../../storage/read-events';
import { readMetadataWithTypeScriptFacts } from '../../storage/read-metadata';
import { liveReason } from './attempt-liveness';
import { directDependencies, type DependencyView } from './direct-dependencies';
import { directorySize } from './directory-size';
import type { ArtifactLocation } from './find-artifacts';
import { readArtifact } from './read-artifact';
import { readLogTail } from './read-log-tail';
import type { ScannedArtifact } from './scan-store';

/** Everything `gren show` prints about one artifact. */
export interface ArtifactDetails {
  readonly artifact: ScannedArtifact;
  readonly live: string | undefined;
  readonly metadata: Record<string, unknown> | undefined;
  readonly metadataError: string | undefined;
  readonly dependencies: readonly DependencyView[];
  readonly eventCount: number;
  readonly logFile: string;
  readonly logTail: readonly string[];
}

/** Reads an artifact's state, metadata, dependencies (with their results) and log tail. */
export function readArtifactDetails(base: string, location: ArtifactLocation, tail: number): ArtifactDetails {
  const paths = new ArtifactPaths(location.directory);
  const artifact = { ...readArtifact(location), sizeBytes: directorySize(location.directory) };
  let metadata: Record<string, unknown> | undefined;
  let metadataError: string | undefined;
  try {
    metadata = readMetadataWithTypeScriptFacts(paths.metadata);
  } catch (error) {
    metadataError = (error as Error).message;
  }
  const facts = { nowMs: Date.now(), hostname: os.hostname(), isPidAlive, staleAfterSecs: GREN_CONFIG.staleAfterSecs };
  return {
    artifact,
    live: liveReason(artifact, facts),
    metadata,
    metadataError,
    dependencies: metadata && isPlainObject(metadata) ? directDependencies(base, metadata) : [],
    eventCount: readEvents(paths.events).length,
    logFile: paths.log,
    logTail: readLogTail(paths.log, tail),
  };
}

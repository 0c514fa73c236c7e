import * as os from 'node:os';
import { isPidAlive } from '../../runtime/pid-alive';
import { GREN_CONFIG } from '../../settings/gren-config';
import { readEvents } from '../../storage/read-events';
import { readMetadataWithTypeScriptFacts } from '../../storage/read-metadata';
import { artifactRelations, type ArtifactRelations } from '../../store/artifact-relations';
import { liveReason } from '../../store/attempt-liveness';
import { directorySize } from '../../store/directory-size';
import { readArtifact } from '../../store/read-artifact';
import { readLogTail, type LogTail } from '../../store/read-log-tail';
import { readGraphEntries, readStoreGraph, type StoreGraphEntry } from '../../store/read-store-graph';
import { ArtifactPaths, type ArtifactLocation } from '../../store/store-layout';
import { readArtifactReuse, type ArtifactReuse } from './artifact-reuse';
import type { ScannedArtifact } from './scan-store';

/** Everything `gren show` prints about one artifact. */
export interface ArtifactDetails extends ArtifactRelations, ArtifactReuse {
  readonly artifact: ScannedArtifact;
  readonly live: string | undefined;
  readonly metadata: Record<string, unknown> | undefined;
  readonly metadataError: string | undefined;
  readonly eventCount: number;
  readonly logFile: string;
  readonly logTail: LogTail;
}

/** Reads an artifact's state, metadata, parents and children (with their results), result links and log tail. */
export function readArtifactDetails(base: string, location: ArtifactLocation, tail: number): ArtifactDetails {
  const paths = new ArtifactPaths(location.directory);
  const entries = readStoreGraph(base);
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
    ...relationsOf(location, artifact.key, entries),
    ...readArtifactReuse(
      base,
      location,
      entries.map((entry) => entry.location),
    ),
    eventCount: readEvents(paths.events).length,
    logFile: paths.log,
    logTail: readLogTail(paths.log, tail),
  };
}

/** Parents from the artifact's metadata.json, children from the whole store's. */
function relationsOf(location: ArtifactLocation, key: string, entries: readonly StoreGraphEntry[]): ArtifactRelations {
  const target = entries.find((entry) => entry.key === key) ?? readGraphEntries([location])[0]!;
  return artifactRelations(target, entries);
}

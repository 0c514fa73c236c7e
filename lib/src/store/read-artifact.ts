import * as fs from 'node:fs';
import { GrenError } from '../errors/gren-error';
import { ArtifactPaths } from '../storage/artifact-paths';
import { isoSeconds, timeMs } from './iso-time';
import { readState } from '../storage/read-state';
import type { GrenState } from '../storage/state-types';
import type { ArtifactRecord } from './artifact-record';
import { artifactKey, type ArtifactLocation } from './store-layout';

/** Reads one artifact's state and locks; a corrupt state.json makes it `invalid`, never an error. */
export function readArtifact(location: ArtifactLocation): ArtifactRecord {
  const paths = new ArtifactPaths(location.directory);
  const hasInternalDir = isDirectory(paths.internalDir);
  let state: GrenState | undefined;
  let invalid: ArtifactRecord['invalid'];
  try {
    state = readState(paths.state);
  } catch (error) {
    invalid = {
      code: error instanceof GrenError ? error.code : ((error as NodeJS.ErrnoException).code ?? 'UNREADABLE'),
      message: (error as Error).message,
    };
  }
  const stateMs = timeMs(state?.updated_at);
  const fromState = stateMs !== null;
  const updatedMs = stateMs ?? folderMtime(location.directory);
  return {
    ...location,
    key: artifactKey(location.root, location.namespace, location.hash),
    hasInternalDir,
    state,
    invalid,
    result: state ? state.result.status : 'invalid',
    computeLock: fs.existsSync(paths.computeLock),
    updatedAt: isoSeconds(new Date(updatedMs)),
    updatedMs,
    updatedFrom: fromState ? 'state' : 'mtime',
  };
}

function folderMtime(directory: string): number {
  try {
    return fs.statSync(directory).mtimeMs;
  } catch {
    return 0;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

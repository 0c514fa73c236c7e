import * as path from 'node:path';

/** File names inside an artifact's `.gren/` folder, as the Python gren names them. */
export const GREN_DIR_NAME = '.gren';
export const STATE_FILE = 'state.json';
export const EVENTS_FILE = 'events.jsonl';
export const SUCCESS_FILE = 'SUCCESS.json';
export const METADATA_FILE = 'metadata.json';
/** Ours alone: the TypeScript facts that the Python gren's strict metadata.json cannot hold. */
export const TYPESCRIPT_METADATA_FILE = 'metadata-ts.json';
export const LOG_FILE = 'gren.log';
export const COMPUTE_LOCK = '.compute.lock';
export const SUBMIT_LOCK = '.submit.lock';
export const STATE_LOCK = '.state.lock';

/** The paths of one artifact's bookkeeping files. */
export class ArtifactPaths {
  readonly internalDir: string;
  readonly state: string;
  readonly events: string;
  readonly success: string;
  readonly metadata: string;
  readonly typescriptMetadata: string;
  readonly log: string;
  readonly computeLock: string;
  readonly submitLock: string;
  readonly stateLock: string;

  constructor(readonly directory: string) {
    // One normalizing join; the file names are plain, so appending them is exact (and a
    // fresh instance's cache hit no longer pays nine path.join calls).
    const internal = path.join(directory, GREN_DIR_NAME);
    const prefix = internal + path.sep;
    this.internalDir = internal;
    this.state = prefix + STATE_FILE;
    this.events = prefix + EVENTS_FILE;
    this.success = prefix + SUCCESS_FILE;
    this.metadata = prefix + METADATA_FILE;
    this.typescriptMetadata = prefix + TYPESCRIPT_METADATA_FILE;
    this.log = prefix + LOG_FILE;
    this.computeLock = prefix + COMPUTE_LOCK;
    this.submitLock = prefix + SUBMIT_LOCK;
    this.stateLock = prefix + STATE_LOCK;
  }
}

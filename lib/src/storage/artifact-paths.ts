import * as path from 'node:path';

/** File names inside an artifact's `.gren/` folder, as the Python gren names them. */
export const GREN_DIR_NAME = '.gren';
export const STATE_FILE = 'state.json';
export const EVENTS_FILE = 'events.jsonl';
export const SUCCESS_FILE = 'SUCCESS.json';
export const METADATA_FILE = 'metadata.json';
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
  readonly log: string;
  readonly computeLock: string;
  readonly submitLock: string;
  readonly stateLock: string;

  constructor(readonly directory: string) {
    this.internalDir = path.join(directory, GREN_DIR_NAME);
    this.state = path.join(this.internalDir, STATE_FILE);
    this.events = path.join(this.internalDir, EVENTS_FILE);
    this.success = path.join(this.internalDir, SUCCESS_FILE);
    this.metadata = path.join(this.internalDir, METADATA_FILE);
    this.log = path.join(this.internalDir, LOG_FILE);
    this.computeLock = path.join(this.internalDir, COMPUTE_LOCK);
    this.submitLock = path.join(this.internalDir, SUBMIT_LOCK);
    this.stateLock = path.join(this.internalDir, STATE_LOCK);
  }
}

import * as fs from 'node:fs';
import { ArtifactPaths } from './artifact-paths';
import { readEvents, type GrenEvent } from './read-events';
import { readState } from './read-state';
import type { GrenState } from './state-types';

/** Read-only view of an artifact's state, events and success marker. Writes nothing. */
export class StateManager {
  readonly paths: ArtifactPaths;

  constructor(directory: string) {
    this.paths = new ArtifactPaths(directory);
  }

  /** The validated state (the default absent state when there is no file). */
  read(): GrenState {
    return readState(this.paths.state);
  }

  events(): GrenEvent[] {
    return readEvents(this.paths.events);
  }

  hasSuccessMarker(): boolean {
    return fs.existsSync(this.paths.success);
  }

  isComputeLocked(): boolean {
    return fs.existsSync(this.paths.computeLock);
  }
}

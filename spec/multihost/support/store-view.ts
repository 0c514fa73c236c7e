import * as fs from 'node:fs';
import * as path from 'node:path';
import { readEvents, type GrenEvent } from '../../../lib/src/storage/read-events';
import { readState } from '../../../lib/src/storage/read-state';
import type { GrenState } from '../../../lib/src/storage/state-types';

/** One artifact as the file server sees it (the export, not a host's mount). */
export interface StoredArtifact {
  dir: string;
  state: GrenState;
  events: GrenEvent[];
  /** Hosts (and pids) whose `_create` ran here, one entry per call. */
  creators: string[];
  hasSuccessMarker: boolean;
}

export function storedArtifacts(exportDir: string, className: string): StoredArtifact[] {
  const base = path.join(exportDir, 'data', 'spec', 'multihost', className);
  if (!fs.existsSync(base)) return [];
  return fs.readdirSync(base).map((hash) => {
    const dir = path.join(base, hash);
    const internal = path.join(dir, '.gren');
    return {
      dir,
      state: readState(path.join(internal, 'state.json')),
      events: readEvents(path.join(internal, 'events.jsonl')),
      creators: fs
        .readdirSync(dir)
        .filter((name) => name.startsWith('created.'))
        .map((name) => name.split('.').slice(1, 3).join('.')),
      hasSuccessMarker: fs.existsSync(path.join(internal, 'SUCCESS.json')),
    };
  });
}

/** attempt_finished events of the given status. */
export function finishedAttempts(artifact: StoredArtifact, status: string): GrenEvent[] {
  return artifact.events.filter((event) => event.type === 'attempt_finished' && event.status === status);
}

/** Hosts that have started `_create` of some artifact of the class (from its `started.<host>.<pid>` files). */
export function hostsInsideCreate(exportDir: string, className: string): string[] {
  const base = path.join(exportDir, 'data', 'spec', 'multihost', className);
  if (!fs.existsSync(base)) return [];
  return fs.readdirSync(base).flatMap((hash) =>
    fs
      .readdirSync(path.join(base, hash))
      .filter((name) => name.startsWith('started.'))
      .map((name) => name.split('.')[1]!),
  );
}

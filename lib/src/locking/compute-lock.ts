import * as fs from 'node:fs';
import * as lockfile from 'proper-lockfile';
import { GrenStateError } from '../errors/state-error';
import type { ArtifactPaths } from '../storage/artifact-paths';

/** A held compute lock. `lost` turns true when another process took it over (R1–R4). */
export interface HeldComputeLock {
  readonly lost: boolean;
  release(): Promise<void>;
}

export interface ComputeLockTiming {
  /** A lock whose holder stopped refreshing it for this long is stale (= the lease). */
  staleSec: number;
  /** How often the holder refreshes it (= the heartbeat). */
  updateSec: number;
}

/**
 * The compute lock `.gren/.compute.lock`, held while `_create` runs: a proper-lockfile
 * mkdir lock that the holder refreshes every heartbeat and others may take over once stale.
 */
export class ComputeLockService {
  /** Takes the lock if it is free (or stale); undefined when someone holds it. */
  async tryAcquire(paths: ArtifactPaths, timing: ComputeLockTiming): Promise<HeldComputeLock | undefined> {
    const state = { lost: false };
    try {
      const release = await lockfile.lock(paths.computeLock, {
        lockfilePath: paths.computeLock,
        realpath: false,
        stale: timing.staleSec * 1000,
        update: Math.min(timing.updateSec, timing.staleSec / 2) * 1000,
        retries: 0,
        onCompromised: () => {
          state.lost = true;
        },
      });
      return {
        get lost() {
          return state.lost;
        },
        release: () => release().catch(() => undefined),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return undefined;
      throw GrenStateError.writeFailed(paths.computeLock, error);
    }
  }

  isHeld(paths: ArtifactPaths): boolean {
    return fs.existsSync(paths.computeLock);
  }

  /** Removes a dead holder's lock. Only called under the state lock, after the state proves it dead. */
  breakLock(paths: ArtifactPaths): void {
    fs.rmSync(paths.computeLock, { recursive: true, force: true });
  }
}

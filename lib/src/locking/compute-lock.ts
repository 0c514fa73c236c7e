import * as fs from 'node:fs';
import { GrenStateError } from '../errors/state-error';
import { isPidAlive } from '../runtime/pid-alive';
import type { ArtifactPaths } from '../storage/artifact-paths';
import { hostName } from './host-name';
import { breakLockFile, readLockFile, tryCreateLockFile, type HeldLockFile } from './lock-file';
import { staleLockReason } from './stale-lock';

/** A held compute lock. `lost` turns true once the file at the path is no longer ours (another process broke it). */
export interface HeldComputeLock {
  readonly lost: boolean;
  readonly lockId: string;
  release(): Promise<void>;
}

export interface ComputeLockTiming {
  /** A lock nobody refreshed for this long, while no attempt is active, is an orphan (= the lease). */
  staleSec: number;
  /** How often the holder refreshes the lock's mtime (= the heartbeat). */
  updateSec: number;
}

/**
 * The compute lock `.gren/.compute.lock`, held while `_create` runs: the Python gren's lock
 * file (one JSON line, created exclusively). Callers take it under the state lock, and only
 * when no attempt is active, so a lock found then is an orphan as soon as its holder is
 * dead on this host or it has gone unrefreshed for a lease; a lock whose attempt is active
 * is left to the lease (reconcile settles the attempt, then `breakLock`).
 */
export class ComputeLockService {
  /** Takes the lock if it is free (or orphaned); undefined when someone holds it. */
  tryAcquire(paths: ArtifactPaths, timing: ComputeLockTiming): Promise<HeldComputeLock | undefined> {
    const held = this.create(paths) ?? (this.breakOrphan(paths, timing.staleSec) ? this.create(paths) : undefined);
    return Promise.resolve(held && this.holding(held, timing));
  }

  private holding(held: HeldLockFile, timing: ComputeLockTiming): HeldComputeLock {
    const refresher = setInterval(() => held.refresh(), Math.min(timing.updateSec, timing.staleSec / 2) * 1000);
    refresher.unref();
    return {
      lockId: held.lockId,
      get lost() {
        return !held.isOurs();
      },
      release: () => {
        clearInterval(refresher);
        try {
          held.release();
        } catch {
          // Releasing is best effort: a lock we cannot delete is broken by its staleness.
        }
        return Promise.resolve();
      },
    };
  }

  isHeld(paths: ArtifactPaths): boolean {
    return fs.existsSync(paths.computeLock);
  }

  /**
   * Removes the lock of an attempt that has ended (only called under the state lock, once
   * the state proves its holder gone), a file of either language or a directory of our
   * previous version.
   */
  breakLock(paths: ArtifactPaths): void {
    try {
      breakLockFile(paths.computeLock, readLockFile(paths.computeLock));
    } catch (error) {
      throw GrenStateError.writeFailed(paths.computeLock, error);
    }
  }

  /** Breaks a lock that no active attempt accounts for, once its holder is dead or it is stale. */
  breakOrphan(paths: ArtifactPaths, staleSec: number): boolean {
    const seen = readLockFile(paths.computeLock);
    if (seen.kind === 'absent') return true;
    const stale = staleLockReason(seen, {
      hostname: hostName(),
      nowMs: Date.now(),
      staleAfterSec: staleSec,
      isPidAlive,
    });
    if (stale === undefined) return false;
    try {
      return breakLockFile(paths.computeLock, seen);
    } catch (error) {
      throw GrenStateError.writeFailed(paths.computeLock, error);
    }
  }

  private create(paths: ArtifactPaths): HeldLockFile | undefined {
    try {
      return tryCreateLockFile(paths.computeLock);
    } catch (error) {
      throw GrenStateError.writeFailed(paths.computeLock, error);
    }
  }
}

import { withLockFile, type LockFileWait } from '../locking/hold-lock-file';
import type { ArtifactPaths } from './artifact-paths';

/**
 * The Python gren breaks a state lock untouched for 60 s; a waiter outlives that, so it
 * always gets past a dead holder of another host. Live holders of ours refresh it.
 */
export const STATE_LOCK_WAIT: LockFileWait = { staleAfterSec: 60, giveUpSec: 75, refreshSec: 10 };

/**
 * Runs `fn` while holding the artifact's `.gren/.state.lock`, the Python gren's lock file
 * (one JSON line, created exclusively), so both languages serialize on it. Every
 * read-modify-write of state.json, and taking the compute lock together with recording the
 * attempt, happens inside it. A held lock is broken when its holder is a dead pid of this
 * host or it is older than 60 s.
 */
export function withStateLock<R>(paths: ArtifactPaths, fn: () => R | Promise<R>): Promise<R> {
  return withLockFile(paths.stateLock, STATE_LOCK_WAIT, fn);
}

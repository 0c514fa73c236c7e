import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenStateError } from '../errors/state-error';
import { isPidAlive } from '../runtime/pid-alive';
import { hostName } from './host-name';
import { breakLockFile, readLockFile, tryCreateLockFile, type HeldLockFile, type LockSighting } from './lock-file';
import { staleLockReason } from './stale-lock';

export interface LockFileWait {
  /** A lock untouched for this long is broken whoever holds it. */
  staleAfterSec: number;
  /** How long to wait for a live holder before failing. */
  giveUpSec: number;
  /** How often a live holder of ours bumps the mtime (well under `staleAfterSec`). */
  refreshSec: number;
}

/**
 * Runs `fn` while holding the lock file `file` (see lock-file.ts), waiting for its holder
 * meanwhile and breaking the lock when it is stale (see stale-lock.ts). While held its mtime
 * is kept fresh, so a slow but live hold is never taken for a dead one.
 */
export async function withLockFile<R>(file: string, wait: LockFileWait, fn: () => R | Promise<R>): Promise<R> {
  const held = await takeLockFile(file, wait);
  let result: R | Promise<R>;
  try {
    result = fn();
  } catch (error) {
    held.release();
    throw error;
  }
  // A synchronous `fn` (most state updates) is done already: no refresher to start.
  if (!(result instanceof Promise)) {
    held.release();
    return result;
  }
  const refresher = setInterval(() => held.refresh(), wait.refreshSec * 1000);
  refresher.unref();
  try {
    return await result;
  } finally {
    clearInterval(refresher);
    held.release();
  }
}

async function takeLockFile(file: string, wait: LockFileWait): Promise<HeldLockFile> {
  const started = Date.now();
  for (;;) {
    const held = tryCreate(file);
    if (held) return held;
    const seen = readLockFile(file);
    const stale = staleLockReason(seen, {
      hostname: hostName(),
      nowMs: Date.now(),
      staleAfterSec: wait.staleAfterSec,
      isPidAlive,
    });
    if (seen.kind === 'absent' || (stale !== undefined && breakOrFail(file, seen))) continue;
    const waitedSec = (Date.now() - started) / 1000;
    if (waitedSec > wait.giveUpSec) throw GrenStateError.lockTimeout(file, waitedSec);
    await sleep(5 + Math.random() * 20);
  }
}

/** Creates the lock, and its folder when that is missing. */
function tryCreate(file: string): HeldLockFile | undefined {
  try {
    return tryCreateLockFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw GrenStateError.writeFailed(file, error);
  }
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return tryCreateLockFile(file);
  } catch (error) {
    throw GrenStateError.writeFailed(file, error);
  }
}

function breakOrFail(file: string, seen: LockSighting): boolean {
  try {
    return breakLockFile(file, seen);
  } catch (error) {
    throw GrenStateError.writeFailed(file, error);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

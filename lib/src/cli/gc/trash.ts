import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tryCreateLockFile, type HeldLockFile } from '../../locking/lock-file';
import { ArtifactPaths } from '../../storage/artifact-paths';
import { directorySize } from '../../store/directory-size';
import type { ArtifactLocation } from '../../store/store-layout';

/** `<GREN_PATH>/.trash`: where gc moves artifacts before removing them. */
export const TRASH_DIR = '.trash';

/** A fresh `<base>/.trash/<UTC timestamp>-<random>` folder name for one gc run (not created yet). */
export function newTrashRun(base: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(base, TRASH_DIR, `${stamp}-${randomBytes(4).toString('hex')}`);
}

/** What is left in `<base>/.trash` (from a gc that was interrupted). */
export function trashContents(base: string): { entries: number; bytes: number } {
  const trash = path.join(base, TRASH_DIR);
  const names = listEntries(trash);
  return { entries: names.length, bytes: names.reduce((sum, name) => sum + directorySize(path.join(trash, name)), 0) };
}

/** Removes everything in `<base>/.trash`; returns what it freed. */
export function emptyTrash(base: string): { entries: number; bytes: number } {
  const freed = trashContents(base);
  const trash = path.join(base, TRASH_DIR);
  for (const name of listEntries(trash)) fs.rmSync(path.join(trash, name), { recursive: true, force: true });
  return freed;
}

export type TrashOutcome = { moved: true } | { moved: false; why: string };

/**
 * Moves one artifact folder into the gc run's trash folder with a single rename (atomic on
 * one filesystem: the store never shows half an artifact). While deciding, it holds the
 * artifact's state lock (`.gren/.state.lock`, the Python gren's lock file, which both
 * languages take): every process records a new attempt under that lock, so none can start
 * between `stillRemovable` and the rename. The lock moves into the trash with the folder.
 */
export function moveToTrash(
  location: ArtifactLocation,
  runDir: string,
  stillRemovable: () => string | undefined,
): TrashOutcome {
  const paths = new ArtifactPaths(location.directory);
  let lock: HeldLockFile | undefined;
  if (fs.existsSync(paths.internalDir)) {
    try {
      lock = tryCreateLockFile(paths.stateLock);
    } catch (error) {
      return { moved: false, why: `cannot lock it: ${(error as Error).message}` };
    }
    if (!lock) return { moved: false, why: 'busy: its state lock is held' };
  }
  const unlock = (): void => lock?.release();
  const why = stillRemovable();
  if (why !== undefined) {
    unlock();
    return { moved: false, why };
  }
  const target = path.join(runDir, location.root, ...location.namespace.split('.'), location.hash);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(location.directory, target);
  } catch (error) {
    unlock();
    return { moved: false, why: `cannot move it to ${runDir}: ${(error as Error).message}` };
  }
  return { moved: true };
}

function listEntries(directory: string): string[] {
  try {
    return fs.readdirSync(directory);
  } catch {
    return [];
  }
}

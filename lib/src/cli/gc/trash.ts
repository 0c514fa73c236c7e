import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArtifactPaths } from '../../storage/artifact-paths';
import { directorySize } from '../store/directory-size';
import type { ArtifactLocation } from '../store/find-artifacts';

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
 * artifact's state lock (`.gren/.state.lock`, a directory as proper-lockfile makes it, and
 * what the Python gren's O_EXCL lock file cannot be created over): every process records a
 * new attempt under that lock, so none can start between `stillRemovable` and the rename.
 * The lock moves into the trash with the folder.
 */
export function moveToTrash(
  location: ArtifactLocation,
  runDir: string,
  stillRemovable: () => string | undefined,
): TrashOutcome {
  const paths = new ArtifactPaths(location.directory);
  const locked = fs.existsSync(paths.internalDir);
  if (locked) {
    try {
      fs.mkdirSync(paths.stateLock);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        moved: false,
        why: code === 'EEXIST' ? 'busy: its state lock is held' : `cannot lock it: ${(error as Error).message}`,
      };
    }
  }
  const unlock = (): void => {
    if (locked) fs.rmSync(paths.stateLock, { recursive: true, force: true });
  };
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

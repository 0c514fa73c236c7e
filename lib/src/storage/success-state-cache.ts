import * as fs from 'node:fs';
import * as path from 'node:path';
import { isOnLocalFilesystem, LOCAL_FILESYSTEM_TYPES } from './filesystem-kind';
import { readState } from './read-state';
import type { GrenState } from './state-types';

interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

interface Entry extends FileIdentity {
  state: GrenState;
}

export interface SuccessStateCacheOptions {
  /** A file changed this recently may change again within one timestamp tick: not cached. */
  racyWindowMs: number;
  maxEntries: number;
  /** statfs types treated as local; the default lists Linux's local filesystems (not FUSE, NFS, SMB, Lustre). */
  localFilesystemTypes?: ReadonlySet<number>;
}

/**
 * The parsed state.json of successful results, reused while stat() shows the very same file.
 * Every writer replaces state.json by renaming a new file over it, and the file is only
 * cached once its last change is older than the racy window (as git does for its index), so
 * any later write shows up as a different ctime even if the inode number is reused and the
 * size is equal. Only successes are kept: they are what a cache hit and exists() read again
 * and again; every other state is read from the file each time.
 */
export class SuccessStateCache {
  private readonly entries = new Map<string, Entry>();
  /** Whether a directory lies on a local filesystem: asked once per directory. */
  private readonly localDirectories = new Map<string, boolean>();

  constructor(private readonly options: SuccessStateCacheOptions) {}

  get size(): number {
    return this.entries.size;
  }

  read(file: string): GrenState {
    const cached = this.entries.get(file);
    if (cached) {
      const stats = fs.statSync(file, { throwIfNoEntry: false });
      if (stats && sameFile(stats, cached)) return cached.state;
      this.entries.delete(file);
    }
    return this.readAndRemember(file);
  }

  /** Forgets the states (the filesystem of each directory is still known). */
  clear(): void {
    this.entries.clear();
  }

  private readAndRemember(file: string): GrenState {
    const directory = path.dirname(file);
    if (this.localDirectories.get(directory) === false) return readState(file);
    const opened: { stats?: fs.Stats } = {};
    const state = readState(file, (fd) => {
      opened.stats = fs.fstatSync(fd);
    });
    const { stats } = opened;
    if (stats === undefined || state.result.status !== 'success') return state;
    const settledLongEnough = Date.now() - Math.max(stats.mtimeMs, stats.ctimeMs) >= this.options.racyWindowMs;
    if (settledLongEnough && this.isLocal(directory)) {
      const { dev, ino, size, mtimeMs, ctimeMs } = stats;
      this.boundedSet(this.entries, file, { dev, ino, size, mtimeMs, ctimeMs, state: deepFreeze(state) });
    }
    return state;
  }

  private isLocal(directory: string): boolean {
    let local = this.localDirectories.get(directory);
    if (local === undefined) {
      local = isOnLocalFilesystem(directory, this.options.localFilesystemTypes ?? LOCAL_FILESYSTEM_TYPES);
      this.boundedSet(this.localDirectories, directory, local);
    }
    return local;
  }

  /** Map insertion order makes the first key the oldest. */
  private boundedSet<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.size >= this.options.maxEntries) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
    map.set(key, value);
  }
}

/** A shared state must not be changed by one reader under the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function sameFile(stats: fs.Stats, known: FileIdentity): boolean {
  return (
    stats.ino === known.ino &&
    stats.ctimeMs === known.ctimeMs &&
    stats.mtimeMs === known.mtimeMs &&
    stats.size === known.size &&
    stats.dev === known.dev
  );
}

/** The process-wide cache used by cache hits and exists(). */
export const successStates = new SuccessStateCache({ racyWindowMs: 2000, maxEntries: 4096 });

import * as fs from 'node:fs';
import * as path from 'node:path';
import { GREN_DIR_NAME, METADATA_FILE, STATE_FILE } from 'gren-ts/store';

export interface WatchHandlers {
  /** Something was added to or removed from a namespace (or root) folder. */
  structureChanged(directory: string): void;
  /** state.json or metadata.json of an artifact folder changed (or appeared). */
  artifactChanged(directory: string): void;
}

export interface StoreWatcherOptions {
  enabled: boolean;
  /** At most this many artifact folders are watched; the rest rely on polling. */
  maxArtifactWatches: number;
  debounceMs: number;
}

const RELEVANT_FILES = new Set([STATE_FILE, METADATA_FILE]);

/**
 * inotify (fs.watch, one folder each, not recursive) on every namespace folder and on the
 * `.gren` folder of as many artifacts as the budget allows. Events only schedule a re-read of
 * the one folder concerned, debounced; polling covers what watching cannot see (network file
 * systems, folders beyond the budget).
 */
export class StoreWatcher {
  private readonly structure = new Map<string, fs.FSWatcher>();
  private readonly artifacts = new Map<string, fs.FSWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private exhausted = false;
  private closed = false;

  constructor(
    private readonly handlers: WatchHandlers,
    private readonly options: StoreWatcherOptions,
  ) {}

  get artifactWatchCount(): number {
    return this.artifacts.size;
  }

  get structureWatchCount(): number {
    return this.structure.size;
  }

  watchStructure(directory: string): void {
    if (!this.options.enabled || this.closed || this.structure.has(directory)) return;
    const watcher = this.open(directory, () =>
      this.schedule(`s:${directory}`, () => this.handlers.structureChanged(directory)),
    );
    if (watcher) this.structure.set(directory, watcher);
  }

  /** Watches `<directory>/.gren`; false when the budget is spent or watching failed. */
  watchArtifact(directory: string): boolean {
    if (!this.options.enabled || this.closed) return false;
    if (this.artifacts.has(directory)) return true;
    if (this.exhausted || this.artifacts.size >= this.options.maxArtifactWatches) return false;
    const watcher = this.open(path.join(directory, GREN_DIR_NAME), (filename) => {
      if (filename !== null && !RELEVANT_FILES.has(filename)) return;
      this.schedule(`a:${directory}`, () => this.handlers.artifactChanged(directory));
    });
    if (!watcher) return false;
    this.artifacts.set(directory, watcher);
    return true;
  }

  isWatchingArtifact(directory: string): boolean {
    return this.artifacts.has(directory);
  }

  /** Stops watching a folder and everything below it. */
  unwatchUnder(directory: string): void {
    const prefix = directory + path.sep;
    for (const map of [this.structure, this.artifacts]) {
      for (const [key, watcher] of map) {
        if (key === directory || key.startsWith(prefix)) {
          watcher.close();
          map.delete(key);
        }
      }
    }
  }

  /** Stops watching a folder (and those below it) as a namespace folder. */
  unwatchStructureUnder(directory: string): void {
    const prefix = directory + path.sep;
    for (const [key, watcher] of this.structure) {
      if (key === directory || key.startsWith(prefix)) {
        watcher.close();
        this.structure.delete(key);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const watcher of [...this.structure.values(), ...this.artifacts.values()]) watcher.close();
    this.structure.clear();
    this.artifacts.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private open(directory: string, onEvent: (filename: string | null) => void): fs.FSWatcher | undefined {
    try {
      const watcher = fs.watch(directory, { persistent: false }, (_event, filename) =>
        onEvent(filename === null ? null : String(filename)),
      );
      watcher.on('error', () => {
        watcher.close();
        for (const map of [this.structure, this.artifacts]) {
          for (const [key, value] of map) if (value === watcher) map.delete(key);
        }
        onEvent(null);
      });
      return watcher;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOSPC: the inotify watch limit is reached; leave the rest to polling.
      if (code === 'ENOSPC' || code === 'EMFILE') this.exhausted = true;
      return undefined;
    }
  }

  private schedule(key: string, action: () => void): void {
    if (this.closed || this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (!this.closed) action();
    }, this.options.debounceMs);
    timer.unref();
    this.timers.set(key, timer);
  }
}

/** Half the user's inotify watches (the rest stay for editors and other tools), or 8192. */
export function defaultWatchBudget(): number {
  try {
    const max = Number(fs.readFileSync('/proc/sys/fs/inotify/max_user_watches', 'utf8').trim());
    if (Number.isFinite(max) && max > 0) return Math.floor(max / 2);
  } catch {
    // not Linux: fall through
  }
  return 8192;
}

import type { ArtifactRecord } from './artifact-record';
import type { StoreIndex } from './store-index';

export interface StorePollerOptions {
  /** Namespace folders, pending artifacts and unwatched running/queued artifacts, this often. */
  intervalMs: number;
  /** The background sweep stats up to this many artifacts per step... */
  sweepBatch: number;
  /** ...every this many milliseconds. */
  sweepIntervalMs: number;
  /** No polling step blocks the event loop longer than this (it resumes on the next one). */
  stepBudgetMs: number;
}

export const DEFAULT_POLLING: StorePollerOptions = {
  intervalMs: 1000,
  sweepBatch: 400,
  sweepIntervalMs: 200,
  stepBudgetMs: 10,
};

/**
 * Polling that works where inotify does not (NFS and other network file systems, folders
 * beyond the watch budget): every second, the mtime of each namespace folder, pending
 * artifact folders, and the running or queued artifacts inotify does not watch; and a
 * rolling sweep that stats every artifact's state.json a few hundred at a time (2,000 per
 * second by default). Each step stops after a few milliseconds and resumes where it stopped,
 * so polling never holds requests up, whatever the store's size.
 */
export class StorePoller {
  private timers: NodeJS.Timeout[] = [];
  private sweepList: readonly ArtifactRecord[] = [];
  private sweepCursor = 0;
  private activeList: readonly ArtifactRecord[] = [];
  private activeCursor = 0;

  constructor(
    private readonly index: StoreIndex,
    private readonly options: StorePollerOptions = DEFAULT_POLLING,
  ) {}

  start(): void {
    if (this.timers.length > 0) return;
    const every = (ms: number, action: () => void): void => {
      const timer = setInterval(() => {
        try {
          action();
        } catch {
          // A folder vanishing between two calls: the next round sees the new layout.
        }
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.intervalMs, () => this.checkHot());
    every(this.options.sweepIntervalMs, () => this.sweepStep());
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /** Namespace folders, pending artifact folders, then (within the budget) active artifacts. */
  checkHot(): void {
    const start = performance.now();
    for (const folder of this.index.structureFolders()) this.index.checkStructure(folder);
    for (const directory of this.index.pendingFolders()) this.index.reloadFolder(directory);
    if (this.activeCursor >= this.activeList.length) {
      this.activeList = this.index.unwatchedActiveRecords();
      this.activeCursor = 0;
    }
    while (this.activeCursor < this.activeList.length && performance.now() - start < this.options.stepBudgetMs) {
      const record = this.activeList[this.activeCursor];
      this.activeCursor += 1;
      if (record) this.index.checkArtifact(record);
    }
  }

  /** The next batch of the rolling sweep over every artifact. */
  sweepStep(): void {
    const start = performance.now();
    if (this.sweepCursor >= this.sweepList.length) {
      this.sweepList = [...this.index.sorted()];
      this.sweepCursor = 0;
    }
    const end = Math.min(this.sweepList.length, this.sweepCursor + this.options.sweepBatch);
    while (this.sweepCursor < end && performance.now() - start < this.options.stepBudgetMs) {
      const record = this.sweepList[this.sweepCursor];
      this.sweepCursor += 1;
      if (record) this.index.checkArtifact(record);
    }
  }
}

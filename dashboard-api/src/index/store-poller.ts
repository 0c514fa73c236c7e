import type { ArtifactRecord } from './artifact-record';
import type { StoreIndex } from './store-index';

export interface StorePollerOptions {
  /** Namespace folders, pending artifacts and running/queued artifacts are checked this often. */
  intervalMs: number;
  /** The background sweep stats this many artifacts per step... */
  sweepBatch: number;
  /** ...every this many milliseconds. */
  sweepIntervalMs: number;
}

export const DEFAULT_POLLING: StorePollerOptions = { intervalMs: 1000, sweepBatch: 400, sweepIntervalMs: 200 };

/**
 * Polling that works where inotify does not (NFS and other network file systems, folders
 * beyond the watch budget): a cheap mtime check of the namespace folders and of active
 * artifacts every second, and a rolling sweep that stats every artifact's state.json a few
 * hundred at a time (2,000 per second by default).
 */
export class StorePoller {
  private timers: NodeJS.Timeout[] = [];
  private sweepList: readonly ArtifactRecord[] = [];
  private sweepCursor = 0;

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

  /** Namespace folders, pending artifact folders and running or queued artifacts. */
  checkHot(): void {
    for (const folder of this.index.structureFolders()) this.index.checkStructure(folder);
    for (const directory of this.index.pendingFolders()) this.index.reloadFolder(directory);
    for (const record of this.index.activeRecords()) this.index.checkArtifact(record);
  }

  /** The next batch of the rolling sweep over every artifact. */
  sweepStep(): void {
    if (this.sweepCursor >= this.sweepList.length) {
      this.sweepList = [...this.index.sorted()];
      this.sweepCursor = 0;
    }
    const end = Math.min(this.sweepList.length, this.sweepCursor + this.options.sweepBatch);
    for (; this.sweepCursor < end; this.sweepCursor += 1) {
      const record = this.sweepList[this.sweepCursor];
      if (record) this.index.checkArtifact(record);
    }
  }
}

import { Subject } from 'rxjs';

/**
 * The index's change counters: `version` moves on every change; `listVersion` only when what
 * lists, stats, the DAG or relationships show changes (not on heartbeats). Changes are
 * announced on `changes`, at most once a tick.
 */
export class ChangeVersions {
  readonly changes = new Subject<number>();
  private versionCounter = 0;
  private listVersionCounter = 0;
  private dirty = false;
  private listDirty = false;
  private flushScheduled = false;
  private stopped = false;

  get version(): number {
    return this.versionCounter;
  }

  get listVersion(): number {
    return this.listVersionCounter;
  }

  /** Version 1: the initial scan is done (changes made during it are part of it). */
  markScanned(): void {
    this.versionCounter = 1;
    this.listVersionCounter = 1;
  }

  /** Moves both versions now (not on the next tick), so answers given right after see it. */
  bumpNow(): void {
    this.versionCounter += 1;
    this.listVersionCounter += 1;
    this.changes.next(this.versionCounter);
  }

  /** Records a change; the versions move (once for all of this tick's changes) on the next tick. */
  touch(listChanged: boolean): void {
    if (this.versionCounter === 0) return;
    this.dirty = true;
    this.listDirty ||= listChanged;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.dirty || this.stopped) return;
      this.versionCounter += 1;
      if (this.listDirty) this.listVersionCounter += 1;
      this.dirty = false;
      this.listDirty = false;
      this.changes.next(this.versionCounter);
    });
  }

  stop(): void {
    this.stopped = true;
    this.changes.complete();
  }
}

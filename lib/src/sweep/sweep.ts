import type { GrenObject } from '../model/gren-object';
import { artifactOf } from '../runtime/artifact';
import type { SweepBook } from './sweep-book';
import type { SweepPlan } from './sweep-plan';
import type { SweepEntry, SweepSummary } from './sweep-status';

/** What `wait()` resolves to once every config is settled. */
export interface SweepReport extends SweepSummary {
  /** True when every config is done or was cached. */
  readonly ok: boolean;
  readonly entries: readonly SweepEntry[];
}

/**
 * A running sweep (from `runAll`): where each config stands, counts, `wait()` and `cancel()`.
 * A failed config never rejects `wait()`; read `ok`, `failed` and the entries' messages.
 */
export class Sweep {
  private cancelRequested = false;

  constructor(
    private readonly book: Promise<SweepBook>,
    private readonly done: Promise<void>,
    /** The dependency levels of what had to be computed when the sweep started. */
    readonly plan: Promise<SweepPlan>,
    private readonly requestCancel: () => void,
  ) {}

  /** Every distinct config (those reached as dependencies too), as they stand now. */
  async entries(): Promise<SweepEntry[]> {
    return (await this.book).entries();
  }

  /** The entry of one config (undefined when it is not part of the sweep). */
  async entry(config: GrenObject<unknown>): Promise<SweepEntry | undefined> {
    const directory = artifactOf(config).dir;
    return (await this.entries()).find((entry) => entry.directory === directory);
  }

  /** Counts by status, overall and per level, with elapsed and estimated remaining time. */
  async summary(): Promise<SweepSummary> {
    return (await this.book).summary();
  }

  /** Calls `listener` after every change of a config's status; returns the unsubscribe. */
  async onChange(listener: (summary: SweepSummary) => void): Promise<() => void> {
    const book = await this.book;
    return book.onChange(() => listener(book.summary()));
  }

  /** Resolves once every config is done, failed, skipped, cached or cancelled. */
  async wait(): Promise<SweepReport> {
    await this.done;
    const book = await this.book;
    const summary = book.summary();
    return { ...summary, ok: summary.failed + summary.skipped + summary.cancelled === 0, entries: book.entries() };
  }

  /**
   * Stops the sweep: nothing more is submitted, what this sweep submitted is cancelled
   * (SLURM arrays scancelled, pool workers stopped) and recorded cancelled, and the rest is
   * marked cancelled. Attempts of other processes it was following keep running.
   */
  async cancel(): Promise<SweepReport> {
    this.cancelRequested = true;
    this.requestCancel();
    return this.wait();
  }

  get cancelled(): boolean {
    return this.cancelRequested;
  }
}

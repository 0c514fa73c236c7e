import type { Executor, SubmitRequest, SubmittedJob } from '../executors/executor';

/** How a sweep hands a whole batch over. */
export interface BatchOptions {
  /** At most this many of the batch's jobs run at once (SLURM: the `%N` of `--array`). */
  readonly maxRunning: number;
  /** A folder of this sweep's own (task lists, array scripts and logs). */
  readonly sweepDir: string;
}

/**
 * An executor that takes many computations in one submission, e.g. one SLURM job array per
 * dependency level. `runAll` gives such an executor each level whole (configs whose
 * dependencies all succeeded); every request's worker adopts the queued attempt recorded for
 * it, exactly as for `submit`. Executors without `submitBatch` get one `submit` per config,
 * at most `maxRunning` at a time, as soon as its dependencies are done.
 */
export interface BatchExecutor extends Executor {
  /** One SubmittedJob per request, in the same order. */
  submitBatch(requests: readonly SubmitRequest[], options: BatchOptions): Promise<SubmittedJob[]>;
  /** Cancels many jobs at once (e.g. one `scancel` per array); falls back to `cancel` per job. */
  cancelBatch?(jobIds: readonly string[]): Promise<void>;
}

export function isBatchExecutor(executor: Executor): executor is BatchExecutor {
  return typeof (executor as Partial<BatchExecutor>).submitBatch === 'function';
}

/** An executor that holds running workers of its own, stopped when the sweep ends (a pool). */
export interface ClosableExecutor extends Executor {
  close(): Promise<void>;
}

export function isClosableExecutor(executor: Executor): executor is ClosableExecutor {
  return typeof (executor as Partial<ClosableExecutor>).close === 'function';
}

/** An executor that tells when one of its jobs ended, so a sweep need not wait a full tick. */
export interface JobEndNotifier extends Executor {
  onJobEnd(listener: () => void): () => void;
}

export function isJobEndNotifier(executor: Executor): executor is JobEndNotifier {
  return typeof (executor as Partial<JobEndNotifier>).onJobEnd === 'function';
}

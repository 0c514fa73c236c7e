import type { AttemptStatus } from '../storage/state-types';

/** Where a submitted computation stands. */
export type GrenJobState = AttemptStatus | 'requeued';

/**
 * A computation handed to an executor, as `loadOrCreate({ executor })` returns it. The
 * runtime's GrenJob implements it; the model names only this shape so it need not import
 * the runtime.
 */
export interface JobHandle<T> {
  /** The scheduler's job id (`null` when the result already existed). */
  readonly jobId: string | null;
  /** The attempt this job runs (`null` when the result already existed). */
  readonly attemptId: string | null;
  /** The attempt's status now (asking the scheduler when the attempt looks active). */
  state(): Promise<GrenJobState>;
  /** Whether the job has ended (successfully or not). */
  done(): Promise<boolean>;
  /** Waits for the result; `timeoutSec` bounds the wait (default: forever). */
  wait(options?: { timeoutSec?: number }): Promise<T>;
  /** Cancels the job: the attempt is recorded `cancelled` and the scheduler told to stop it. */
  cancel(): Promise<void>;
}

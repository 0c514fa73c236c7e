import { GrenComputeError } from '../errors/compute-error';
import { GrenError } from '../errors/gren-error';
import type { Executor } from '../executors/executor';
import { finishStopped } from '../storage/transitions';
import type { GrenJobState, JobHandle } from '../model/job-handle';
import { isActive, type AttemptStatus, type GrenState } from '../storage/state-types';
import { configRefOf, type Artifact } from './artifact';
import { loadResult } from './cached-result';
import type { GrenRuntime } from './gren-runtime';
import { settle } from './settle-artifact';
import { waitForChange } from './wait-for-change';

export type { GrenJobState } from '../model/job-handle';

/**
 * A computation handed to an executor. `wait()` resolves to the result once the worker
 * succeeded (loading it from the store), and rejects with a GrenComputeError when it failed,
 * was cancelled, or was preempted for good.
 */
export class GrenJob<T> implements JobHandle<T> {
  constructor(
    private readonly runtime: GrenRuntime,
    private readonly artifact: Artifact<T>,
    private readonly executor: Executor,
    /** The scheduler's job id (`null` when the result already existed). */
    readonly jobId: string | null,
    /** The attempt this job runs (`null` when the result already existed). */
    readonly attemptId: string | null,
  ) {}

  /** The attempt's status now (asking the scheduler when the attempt looks active). */
  async state(): Promise<GrenJobState> {
    const state = await this.settle();
    if (state.result.status === 'success') return 'success';
    const attempt = state.attempt;
    if (!attempt) return 'queued';
    if (!isActive(attempt) && (await this.schedulerStillHolds())) return 'requeued';
    return attempt.status;
  }

  /** Whether the job has ended (successfully or not). */
  async done(): Promise<boolean> {
    const status = await this.state();
    return status !== 'queued' && status !== 'running' && status !== 'requeued';
  }

  /** Waits for the result; `timeoutSec` bounds the wait (default: forever). */
  async wait(options: { timeoutSec?: number } = {}): Promise<T> {
    const deadline =
      options.timeoutSec === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutSec * 1000;
    for (;;) {
      const status = await this.state();
      if (status === 'success') return loadResult(this.artifact);
      if (status === 'failed' || status === 'cancelled' || status === 'preempted' || status === 'crashed')
        throw this.failure(status);
      if (Date.now() > deadline)
        throw new GrenError(
          'JOB_WAIT_TIMEOUT',
          `Job ${this.jobId ?? '?'} for ${this.artifact.className} ${this.artifact.hash} did not finish within ${options.timeoutSec}s; it keeps running (job.state() tells how it goes).`,
        );
      await waitForChange(
        this.artifact.paths.internalDir,
        Math.min(this.runtime.settings.pollIntervalSecs, (deadline - Date.now()) / 1000),
      );
    }
  }

  /** Cancels the job: the attempt is recorded `cancelled` and the scheduler told to stop it. */
  async cancel(): Promise<void> {
    const attemptId = this.attemptId;
    if (attemptId === null) return;
    await this.runtime.states.update(this.artifact.paths, (state, now) =>
      finishStopped(state, attemptId, 'cancelled', null, 'cancelled_by_user', now),
    );
    if (this.jobId !== null && this.executor.cancel) await this.executor.cancel(this.jobId);
  }

  private settle(): Promise<GrenState> {
    return settle(this.runtime, this.artifact.paths, this.executor);
  }

  /** A preempted attempt whose job the scheduler requeued is not over yet. */
  private async schedulerStillHolds(): Promise<boolean> {
    const state = this.runtime.states.read(this.artifact.paths);
    const attempt = state.attempt;
    if (!attempt || attempt.status !== 'preempted' || !this.executor.probe) return false;
    const probe = await this.executor.probe({ ...attempt, status: 'queued' });
    return probe?.active === true;
  }

  private failure(status: AttemptStatus): GrenComputeError {
    const attempt = this.runtime.states.read(this.artifact.paths).attempt;
    const detail =
      attempt && 'error' in attempt && attempt.error
        ? attempt.error.message
        : ((attempt && 'reason' in attempt ? attempt.reason : null) ?? status);
    return GrenComputeError.fromRecord(status, detail, this.artifact.paths.state, configRefOf(this.artifact));
  }
}

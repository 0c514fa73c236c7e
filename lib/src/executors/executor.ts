import type { SchedulerProbe } from '../storage/reconcile';
import type { ActiveAttempt } from '../storage/state-types';

/** Everything a worker needs to rebuild the config and run it, wherever it runs. */
export interface WorkerPayload {
  /** The file that defines the config's class (imported by the worker so the class registers). */
  module: string;
  namespace: string;
  /** The config's toDict(), as Python-style JSON text (floats and bigints survive). */
  config: string;
  grenHash: string;
  /** The store root (GREN_PATH) the worker must use. */
  basePath: string;
  /** The queued attempt the submitter recorded. */
  attemptId: string;
}

export interface SubmitRequest {
  readonly payload: WorkerPayload;
  /** The artifact directory; executors keep their own files under `<dir>/.gren/`. */
  readonly directory: string;
  readonly className: string;
}

/** What an executor reports back right after submitting. */
export interface SubmittedJob {
  /** The scheduler's id (SLURM job id, child pid, ...), recorded as `attempt.scheduler.job_id`. */
  readonly jobId: string | null;
  /** Extra facts for `attempt.scheduler` (partition, log paths, ...). */
  readonly scheduler?: Record<string, unknown>;
}

/**
 * Runs computations somewhere. Register one on the EXECUTOR token of a gren container, or
 * pass it to `loadOrCreate({ executor })`. `LocalExecutor` computes in this process; others
 * submit the worker (`gren-worker`) to run elsewhere and let gren track the attempt.
 */
export interface Executor {
  /** Recorded as `attempt.backend` ("local", "process", "slurm", or your own). */
  readonly backend: string;
  /** True only for the in-process executor: gren then runs `_create` itself. */
  readonly inProcess?: boolean;
  /** Starts the worker for `request`; resolves once the job is accepted. */
  submit(request: SubmitRequest): Promise<SubmittedJob>;
  /** Asks the scheduler about an attempt of this backend (undefined: no answer). */
  probe?(attempt: ActiveAttempt): Promise<SchedulerProbe | undefined>;
  /** Cancels a submitted job. */
  cancel?(jobId: string): Promise<void>;
}

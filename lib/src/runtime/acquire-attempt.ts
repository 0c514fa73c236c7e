import { randomUUID } from 'node:crypto';
import { GrenWaitTimeout } from '../errors/wait-timeout';
import type { HeldComputeLock } from '../locking/compute-lock';
import { getLogger } from '../logging/gren-logger';
import { environmentInfo } from '../provenance/environment-info';
import { removeSuccessMarker } from '../storage/success-marker';
import { withStateLock } from '../storage/state-lock';
import { finishStopped, markRunning, startAttempt } from '../storage/transitions';
import { isActive, type AttemptOwner, type GrenState } from '../storage/state-types';
import type { Artifact } from './artifact';
import type { GrenRuntime } from './gren-runtime';
import { probeCurrent, settleLocked, type ProbedAttempt } from './settle-artifact';
import { waitForChange } from './wait-for-change';
import { schedulerJobId } from '../storage/scheduler-job-id';

const logger = getLogger();

export type AcquireOutcome =
  | { kind: 'acquired'; attemptId: string; lock: HeldComputeLock }
  | { kind: 'succeeded' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

type Step = AcquireOutcome | { kind: 'busy'; state: GrenState };

export interface AcquireOptions {
  backend: string;
  scheduler?: Record<string, unknown>;
  /** Seconds to wait for another holder; null waits forever. */
  maxWaitSec: number | null;
  /** A worker takes over the queued attempt its submitter recorded, instead of starting one. */
  adoptAttemptId?: string;
  /**
   * A requeued SLURM job runs again under the same job id: an attempt still `running` with
   * that job id is the previous run, which the scheduler has killed. It is closed as
   * `preempted` (reason `requeued`) and its lock broken.
   */
  adoptJobId?: string;
  /** The state the caller has just read, for the first scheduler probe (see probeCurrent). */
  seen?: GrenState;
}

/**
 * Waits until this process may compute the artifact, then records a running attempt in the
 * same state-locked step that takes the compute lock. Ends early when another process
 * succeeds meanwhile (the state is re-read after the lock is taken) or fails.
 */
export async function acquireAttempt<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  options: AcquireOptions,
): Promise<AcquireOutcome> {
  const started = Date.now();
  const arrival: Arrival = { seen: false, failedAttemptId: undefined };
  let lastWaitLog = Number.NEGATIVE_INFINITY;
  let seen = options.seen;
  for (;;) {
    const probed = await probeCurrent(runtime, artifact.paths, undefined, seen);
    seen = undefined;
    const step = await withStateLock(artifact.paths, () => tryStart(runtime, artifact, options, arrival, probed));
    if (step.kind !== 'busy') return step;
    const elapsedSec = (Date.now() - started) / 1000;
    if (options.maxWaitSec !== null && elapsedSec > options.maxWaitSec)
      throw new GrenWaitTimeout(elapsedSec, artifact.dir);
    if (Date.now() - lastWaitLog >= runtime.settings.waitLogEverySecs * 1000) {
      logger.info(`compute_lock: waiting for lock ${artifact.dir}`);
      lastWaitLog = Date.now();
    }
    const remaining = options.maxWaitSec === null ? Number.POSITIVE_INFINITY : options.maxWaitSec - elapsedSec + 0.05;
    const interval = isActive(step.state.attempt)
      ? runtime.settings.pollIntervalSecs
      : Math.min(1, runtime.settings.pollIntervalSecs);
    await waitForChange(artifact.paths.internalDir, Math.min(interval, remaining));
  }
}

/** What the artifact looked like when this caller arrived: an old failure is retried, a new one reported. */
interface Arrival {
  seen: boolean;
  failedAttemptId: string | undefined;
}

async function tryStart<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  options: AcquireOptions,
  arrival: Arrival,
  probed: ProbedAttempt | undefined,
): Promise<Step> {
  const { paths } = artifact;
  const state = settleLocked(runtime, paths, probed);
  if (!arrival.seen) {
    arrival.seen = true;
    arrival.failedAttemptId = state.result.status === 'failed' ? state.attempt?.id : undefined;
  }
  if (state.result.status === 'success') return { kind: 'succeeded' };
  const adopted =
    options.adoptAttemptId !== undefined && state.attempt?.id === options.adoptAttemptId ? state.attempt : undefined;
  if (adopted?.status === 'cancelled') return { kind: 'cancelled' };
  if (adopted?.status === 'queued') return adoptQueued(runtime, artifact, adopted.id, options);
  if (options.adoptJobId !== undefined && isEarlierRun(state, options.adoptJobId)) {
    runtime.locks.breakLock(paths);
    return tryStartAfterRequeue(runtime, artifact, options, arrival);
  }
  if (state.result.status === 'failed' && state.attempt?.id !== arrival.failedAttemptId) {
    const message = state.attempt?.status === 'failed' ? state.attempt.error.message : '';
    return { kind: 'failed', message };
  }
  if (isActive(state.attempt)) return { kind: 'busy', state };
  const lock = await runtime.locks.tryAcquire(paths, {
    staleSec: runtime.settings.leaseSecs,
    updateSec: runtime.settings.heartbeatSecs,
  });
  if (!lock) return { kind: 'busy', state };
  const attemptId = randomUUID().replace(/-/g, '');
  try {
    removeSuccessMarker(paths);
    // `state` was read under this state lock; taking the compute lock and removing the
    // marker leave state.json as it was.
    runtime.states.updateLocked(
      paths,
      (current, now) =>
        startAttempt(
          current,
          {
            id: attemptId,
            status: 'running',
            backend: options.backend,
            leaseSec: runtime.settings.leaseSecs,
            owner: owner(runtime, now),
            scheduler: options.scheduler,
          },
          now,
        ),
      [],
      state,
    );
  } catch (error) {
    await lock.release();
    throw error;
  }
  warnAboutPrevious(state, artifact.dir);
  return { kind: 'acquired', attemptId, lock };
}

function isEarlierRun(state: GrenState, jobId: string): boolean {
  const attempt = state.attempt;
  return (
    isActive(attempt) &&
    attempt.status === 'running' &&
    schedulerJobId(attempt) === jobId &&
    attempt.owner.pid !== process.pid
  );
}

async function tryStartAfterRequeue<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  options: AcquireOptions,
  arrival: Arrival,
): Promise<Step> {
  const { paths } = artifact;
  runtime.states.updateLocked(paths, (state, now) =>
    state.attempt ? finishStopped(state, state.attempt.id, 'preempted', null, 'requeued', now) : undefined,
  );
  return tryStart(runtime, artifact, { ...options, adoptJobId: undefined }, arrival, undefined);
}

async function adoptQueued<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  attemptId: string,
  options: AcquireOptions,
): Promise<Step> {
  const { paths } = artifact;
  const lock = await runtime.locks.tryAcquire(paths, {
    staleSec: runtime.settings.leaseSecs,
    updateSec: runtime.settings.heartbeatSecs,
  });
  if (!lock) return { kind: 'busy', state: runtime.states.read(paths) };
  try {
    runtime.states.updateLocked(paths, (current, now) =>
      markRunning(current, attemptId, owner(runtime, now), options.scheduler ?? {}, runtime.settings.leaseSecs, now),
    );
  } catch (error) {
    await lock.release();
    throw error;
  }
  return { kind: 'acquired', attemptId, lock };
}

function owner(runtime: GrenRuntime, now: Date): AttemptOwner {
  const env = environmentInfo(now);
  return {
    pid: process.pid,
    host: runtime.hostname,
    hostname: runtime.hostname,
    user: env.user,
    command: env.command,
    timestamp: null,
    python_version: null,
    executable: null,
    platform: null,
  };
}

function warnAboutPrevious(previous: GrenState, dir: string): void {
  const attempt = previous.attempt;
  if (previous.result.status === 'failed') {
    logger.warning(`state: retrying after previous failure ${dir}`);
  } else if (attempt?.status === 'crashed' && (attempt.reason === 'pid_dead' || attempt.reason === 'lease_expired')) {
    logger.warning(`state: restarting after stale attempt (${attempt.reason}) ${dir}`);
  }
}

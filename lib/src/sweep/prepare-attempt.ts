import type { Executor, SubmitRequest, SubmittedJob } from '../executors/executor';
import type { GrenObject } from '../model/gren-object';
import { ensureDirectory } from '../storage/ensure-directory';
import { schedulerJobId } from '../storage/scheduler-job-id';
import { isActive } from '../storage/state-types';
import { artifactOf } from '../runtime/artifact';
import { hasUsableResult } from '../runtime/cached-result';
import type { GrenRuntime } from '../runtime/gren-runtime';
import {
  queueAttempt,
  recordSubmitFailed as recordSubmitFailedAt,
  recordSubmitted as recordSubmittedAt,
} from '../runtime/queue-attempt';
import { settle } from '../runtime/settle-artifact';
import { withSubmitLock } from '../runtime/submit-job';

/** What a sweep finds when it is about to submit a config. */
export type Prepared =
  | { kind: 'done' }
  /** Another process (or sweep) runs it: follow that attempt. */
  | { kind: 'attached'; attemptId: string; jobId: string | null }
  /** A queued attempt is recorded and its worker payload written: submit `request`. */
  | { kind: 'prepared'; attemptId: string; request: SubmitRequest };

/**
 * The first half of a submission, as `loadOrCreate({ executor })` does it, under the
 * artifact's submit lock: nothing when a valid result exists, the active attempt when one
 * runs anywhere, else a new queued attempt. Several of these can then go to the executor
 * in one batch (one SLURM array) before `recordSubmitted` stores the job ids.
 */
export async function prepareAttempt(
  runtime: GrenRuntime,
  object: GrenObject<unknown>,
  executor: Executor,
): Promise<Prepared> {
  const artifact = artifactOf(object);
  if (await hasUsableResult(runtime, artifact)) return { kind: 'done' };
  ensureDirectory(artifact.paths.internalDir);
  return withSubmitLock(artifact.paths, async () => {
    const settled = await settle(runtime, artifact.paths, executor);
    if (settled.result.status === 'success') return { kind: 'done' };
    if (isActive(settled.attempt))
      return { kind: 'attached', attemptId: settled.attempt.id, jobId: schedulerJobId(settled.attempt) };
    const { attemptId, request } = await queueAttempt(runtime, artifact, executor);
    return { kind: 'prepared', attemptId, request };
  });
}

/** Stores what the executor answered in the attempt's scheduler facts. */
export function recordSubmitted(
  runtime: GrenRuntime,
  object: GrenObject<unknown>,
  attemptId: string,
  submitted: SubmittedJob,
): Promise<void> {
  return recordSubmittedAt(runtime, artifactOf(object).paths, attemptId, submitted);
}

/** The submission failed: the queued attempt fails with the executor's message. */
export function recordSubmitFailed(
  runtime: GrenRuntime,
  object: GrenObject<unknown>,
  attemptId: string,
  error: unknown,
): Promise<string> {
  return recordSubmitFailedAt(runtime, artifactOf(object).paths, attemptId, error);
}

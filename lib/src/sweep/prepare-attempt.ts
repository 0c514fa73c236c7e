import { randomUUID } from 'node:crypto';
import { GrenError } from '../errors/gren-error';
import type { Executor, SubmitRequest, SubmittedJob } from '../executors/executor';
import type { GrenObject } from '../model/gren-object';
import { stringifyPythonJson } from '../serialization/python-json';
import { toDict } from '../serialization/to-dict';
import { ensureDirectory } from '../storage/ensure-directory';
import { schedulerJobId } from '../storage/scheduler-job-id';
import { withStateLock } from '../storage/state-lock';
import { isActive } from '../storage/state-types';
import { removeSuccessMarker } from '../storage/success-marker';
import { finishFailed, mergeScheduler, startAttempt } from '../storage/transitions';
import { artifactOf } from '../runtime/artifact';
import { hasUsableResult } from '../runtime/cached-result';
import type { GrenRuntime } from '../runtime/gren-runtime';
import { messageOf } from '../runtime/run-attempt';
import { settle } from '../runtime/settle-artifact';
import { submitterOwner, withSubmitLock, writeMetadata } from '../runtime/submit-job';
import { writeWorkerPayload } from '../runtime/worker-payload';

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
export async function prepareAttempt(runtime: GrenRuntime, object: GrenObject<unknown>, executor: Executor): Promise<Prepared> {
  const artifact = artifactOf(object);
  if (await hasUsableResult(runtime, artifact)) return { kind: 'done' };
  ensureDirectory(artifact.paths.internalDir);
  return withSubmitLock(artifact.paths, async () => {
    const settled = await settle(runtime, artifact.paths, executor);
    if (settled.result.status === 'success') return { kind: 'done' };
    if (isActive(settled.attempt)) return { kind: 'attached', attemptId: settled.attempt.id, jobId: schedulerJobId(settled.attempt) };
    const { model, paths } = artifact;
    if (!model.sourceFile) {
      throw new GrenError('SUBMIT_NO_MODULE', `Cannot submit ${artifact.className}: the file that defines it is unknown, so a worker could not load it. Define the class in a module file.`);
    }
    await writeMetadata(runtime, artifact);
    const attemptId = randomUUID().replace(/-/g, '');
    await withStateLock(paths, () => {
      removeSuccessMarker(paths);
      runtime.states.updateLocked(paths, (state, now) =>
        startAttempt(state, { id: attemptId, status: 'queued', backend: executor.backend, leaseSec: runtime.settings.leaseSecs, owner: submitterOwner(now) }, now),
      );
    });
    const payload = {
      module: model.sourceFile,
      namespace: model.namespace,
      config: stringifyPythonJson(toDict(object)),
      grenHash: artifact.hash,
      basePath: runtime.settings.basePath,
      attemptId,
    };
    writeWorkerPayload(paths, payload);
    return { kind: 'prepared', attemptId, request: { payload, directory: artifact.dir, className: artifact.className } };
  });
}

/** Stores what the executor answered in the attempt's scheduler facts. */
export async function recordSubmitted(runtime: GrenRuntime, object: GrenObject<unknown>, attemptId: string, submitted: SubmittedJob): Promise<void> {
  const paths = artifactOf(object).paths;
  await runtime.states.update(paths, (state) => mergeScheduler(state, attemptId, { job_id: submitted.jobId, ...submitted.scheduler }));
}

/** The submission failed: the queued attempt fails with the executor's message. */
export async function recordSubmitFailed(runtime: GrenRuntime, object: GrenObject<unknown>, attemptId: string, error: unknown): Promise<string> {
  const paths = artifactOf(object).paths;
  const message = `Failed to submit: ${messageOf(error)}`;
  const failure = { type: error instanceof Error ? error.constructor.name : 'Error', message, traceback: error instanceof Error ? (error.stack ?? null) : null };
  await runtime.states.update(paths, (state, now) => finishFailed(state, attemptId, failure, now, 'submit_failed'));
  return message;
}

import { randomUUID } from 'node:crypto';
import { GrenComputeError } from '../errors/compute-error';
import { GrenError } from '../errors/gren-error';
import type { Executor, SubmitRequest, SubmittedJob } from '../executors/executor';
import { environmentInfo } from '../provenance/environment-info';
import { stringifyPythonJson } from '../serialization/python-json';
import { toDict } from '../serialization/to-dict';
import type { ArtifactPaths } from '../storage/artifact-paths';
import { withStateLock } from '../storage/state-lock';
import type { AttemptOwner } from '../storage/state-types';
import { removeSuccessMarker } from '../storage/success-marker';
import { finishFailed, mergeScheduler, startAttempt } from '../storage/transitions';
import { writeMetadataFiles } from '../storage/write-metadata';
import { configRefOf, type Artifact } from './artifact';
import type { GrenRuntime } from './gren-runtime';
import { messageOf } from './run-attempt';
import { writeWorkerPayload } from './worker-payload';

/** A queued attempt recorded for an executor, and what to hand that executor. */
export interface QueuedAttempt {
  readonly attemptId: string;
  readonly request: SubmitRequest;
}

/**
 * The part of a submission that happens before the executor is asked, under the artifact's
 * submit lock (the caller holds it): metadata written, a queued attempt recorded, the worker
 * payload written. `loadOrCreate({ executor })` submits the request alone; a sweep sends many
 * in one batch (one SLURM array).
 */
export async function queueAttempt<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  executor: Executor,
): Promise<QueuedAttempt> {
  const { paths, model } = artifact;
  if (!model.sourceFile) {
    throw new GrenError(
      'SUBMIT_NO_MODULE',
      `Cannot submit ${artifact.className}: the file that defines it is unknown, so a worker could not load it. Define the class in a module file.`,
    );
  }
  await writeMetadata(runtime, artifact);
  const attemptId = randomUUID().replace(/-/g, '');
  await withStateLock(paths, () => {
    removeSuccessMarker(paths);
    runtime.states.updateLocked(paths, (state, now) =>
      startAttempt(
        state,
        {
          id: attemptId,
          status: 'queued',
          backend: executor.backend,
          leaseSec: runtime.settings.leaseSecs,
          owner: submitterOwner(now),
        },
        now,
      ),
    );
  });
  const payload = {
    module: model.sourceFile,
    namespace: model.namespace,
    config: stringifyPythonJson(toDict(artifact.object)),
    grenHash: artifact.hash,
    basePath: runtime.settings.basePath,
    attemptId,
  };
  writeWorkerPayload(paths, payload);
  return { attemptId, request: { payload, directory: artifact.dir, className: artifact.className } };
}

/** Stores what the executor answered in the queued attempt's scheduler facts. */
export async function recordSubmitted(
  runtime: GrenRuntime,
  paths: ArtifactPaths,
  attemptId: string,
  submitted: SubmittedJob,
): Promise<void> {
  await runtime.states.update(paths, (state) =>
    mergeScheduler(state, attemptId, { job_id: submitted.jobId, ...submitted.scheduler }),
  );
}

/** The executor refused: the queued attempt fails with its message, which is returned. */
export async function recordSubmitFailed(
  runtime: GrenRuntime,
  paths: ArtifactPaths,
  attemptId: string,
  error: unknown,
): Promise<string> {
  const message = `Failed to submit: ${messageOf(error)}`;
  const failure = {
    type: error instanceof Error ? error.constructor.name : 'Error',
    message,
    traceback: error instanceof Error ? (error.stack ?? null) : null,
  };
  await runtime.states.update(paths, (state, now) => finishFailed(state, attemptId, failure, now, 'submit_failed'));
  return message;
}

async function writeMetadata<T>(runtime: GrenRuntime, artifact: Artifact<T>): Promise<void> {
  try {
    const metadata = await runtime.metadata.collect(artifact.object, artifact.dir);
    writeMetadataFiles(artifact.paths, metadata);
  } catch (error) {
    throw new GrenComputeError('Failed to create metadata', artifact.paths.state, error, configRefOf(artifact));
  }
}

/** The submitting process, recorded as the queued attempt's owner until a worker takes it. */
function submitterOwner(now: Date): AttemptOwner {
  const env = environmentInfo(now);
  return {
    pid: env.pid,
    host: env.hostname,
    hostname: env.hostname,
    user: env.user,
    command: env.command,
    timestamp: env.timestamp,
    python_version: env.python_version,
    executable: env.executable,
    platform: env.platform,
  };
}

import { randomUUID } from 'node:crypto';
import { GrenComputeError } from '../errors/compute-error';
import { ensureDirectory } from '../storage/ensure-directory';
import { GrenError } from '../errors/gren-error';
import type { Executor } from '../executors/executor';
import { getLogger } from '../logging/gren-logger';
import type { GrenObject } from '../model/gren-object';
import { environmentInfo } from '../provenance/environment-info';
import { stringifyPythonJson } from '../serialization/python-json';
import { toDict } from '../serialization/to-dict';
import { writeMetadataFiles } from '../storage/write-metadata';
import type { ArtifactPaths } from '../storage/artifact-paths';
import { removeSuccessMarker } from '../storage/success-marker';
import { withStateLock } from '../storage/state-lock';
import { withLockFile, type LockFileWait } from '../locking/hold-lock-file';
import { finishFailed, mergeScheduler, startAttempt } from '../storage/transitions';
import { isActive, type ActiveAttempt, type AttemptOwner } from '../storage/state-types';
import { artifactOf, configRefOf, type Artifact } from './artifact';
import { announceDecision, hasUsableResult } from './cached-result';
import { GrenJob } from './gren-job';
import type { GrenRuntime } from './gren-runtime';
import { asDependencyOfCaller } from './load-or-create';
import { messageOf } from './run-attempt';
import { settle } from './settle-artifact';
import { writeWorkerPayload } from './worker-payload';
import { schedulerJobId } from '../storage/scheduler-job-id';

const logger = getLogger();

/**
 * `.submit.lock`, the Python gren's lock file. The Python gren tries it once and never breaks
 * it (a crashed submitter blocks it for good); we wait for it and break it once its holder
 * is a dead pid of this host or it is untouched for 60 s (live holders of ours refresh it).
 */
const SUBMIT_LOCK_WAIT: LockFileWait = { staleAfterSec: 60, giveUpSec: 120, refreshSec: 5 };

/**
 * Hands the computation to `executor` and returns as soon as the job is accepted. Nothing
 * is submitted when a valid result exists or an attempt is already active (queued, running,
 * local or not — R7); concurrent submitters serialize on `.submit.lock` and get the same job.
 */
export function submitJob<T>(runtime: GrenRuntime, object: GrenObject<T>, executor: Executor): Promise<GrenJob<T>> {
  const artifact = artifactOf(object);
  return asDependencyOfCaller(artifact, async () => {
    if (await hasUsableResult(runtime, artifact)) {
      announceDecision(artifact, 'load');
      return new GrenJob(runtime, artifact, executor, null, null);
    }
    ensureDirectory(artifact.paths.internalDir);
    const running = await activeAttempt(runtime, artifact, executor);
    // Without a job id the attempt may still be being submitted: its submitter holds the
    // submit lock until the id is recorded, so the id is read after taking that lock.
    if (running && schedulerJobId(running) !== null) {
      announceDecision(artifact, 'wait');
      return attach(runtime, artifact, executor, running);
    }
    announceDecision(artifact, running ? 'wait' : 'create', running ? undefined : `submit ${executor.backend}`);
    return withSubmitLock(artifact.paths, async () => {
      const again = await activeAttempt(runtime, artifact, executor);
      if (again) return attach(runtime, artifact, executor, again);
      if (runtime.states.read(artifact.paths).result.status === 'success') return new GrenJob(runtime, artifact, executor, null, null);
      return submitNew(runtime, artifact, executor);
    });
  });
}

async function submitNew<T>(runtime: GrenRuntime, artifact: Artifact<T>, executor: Executor): Promise<GrenJob<T>> {
  const { paths, model } = artifact;
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
    config: stringifyPythonJson(toDict(artifact.object)),
    grenHash: artifact.hash,
    basePath: runtime.settings.basePath,
    attemptId,
  };
  writeWorkerPayload(paths, payload);
  try {
    const submitted = await executor.submit({ payload, directory: artifact.dir, className: artifact.className });
    await runtime.states.update(paths, (state) => mergeScheduler(state, attemptId, { job_id: submitted.jobId, ...submitted.scheduler }));
    logger.debug(`submit: ${artifact.className} ${artifact.hash} -> ${executor.backend} job ${submitted.jobId ?? '?'}`);
    return new GrenJob(runtime, artifact, executor, submitted.jobId, attemptId);
  } catch (error) {
    const failure = { type: error instanceof Error ? error.constructor.name : 'Error', message: `Failed to submit: ${messageOf(error)}`, traceback: error instanceof Error ? (error.stack ?? null) : null };
    await runtime.states.update(paths, (state, now) => finishFailed(state, attemptId, failure, now, 'submit_failed'));
    throw new GrenComputeError('Failed to submit job', paths.state, error, configRefOf(artifact));
  }
}

export async function writeMetadata<T>(runtime: GrenRuntime, artifact: Artifact<T>): Promise<void> {
  try {
    const metadata = await runtime.metadata.collect(artifact.object, artifact.dir);
    writeMetadataFiles(artifact.paths, metadata);
  } catch (error) {
    throw new GrenComputeError('Failed to create metadata', artifact.paths.state, error, configRefOf(artifact));
  }
}

/** The active attempt after asking its scheduler, if any. */
async function activeAttempt<T>(runtime: GrenRuntime, artifact: Artifact<T>, executor: Executor): Promise<ActiveAttempt | undefined> {
  const settled = await settle(runtime, artifact.paths, executor);
  return isActive(settled.attempt) ? settled.attempt : undefined;
}

function attach<T>(runtime: GrenRuntime, artifact: Artifact<T>, executor: Executor, attempt: ActiveAttempt): GrenJob<T> {
  return new GrenJob(runtime, artifact, executor, schedulerJobId(attempt), attempt.id);
}


export function submitterOwner(now: Date): AttemptOwner {
  const env = environmentInfo(now);
  return { pid: env.pid, host: env.hostname, hostname: env.hostname, user: env.user, command: env.command, timestamp: env.timestamp, python_version: env.python_version, executable: env.executable, platform: env.platform };
}

export function withSubmitLock<R>(paths: ArtifactPaths, fn: () => Promise<R>): Promise<R> {
  return withLockFile(paths.submitLock, SUBMIT_LOCK_WAIT, fn);
}

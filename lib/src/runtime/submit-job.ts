import { GrenComputeError } from '../errors/compute-error';
import type { Executor } from '../executors/executor';
import { withLockFile, type LockFileWait } from '../locking/hold-lock-file';
import { getLogger } from '../logging/gren-logger';
import type { GrenObject } from '../model/gren-object';
import type { ArtifactPaths } from '../storage/artifact-paths';
import { ensureDirectory } from '../storage/ensure-directory';
import { schedulerJobId } from '../storage/scheduler-job-id';
import { isActive, type ActiveAttempt } from '../storage/state-types';
import { artifactOf, configRefOf, type Artifact } from './artifact';
import { announceDecision, hasUsableResult } from './cached-result';
import { GrenJob } from './gren-job';
import type { GrenRuntime } from './gren-runtime';
import { asDependencyOfCaller } from './load-or-create';
import { queueAttempt, recordSubmitFailed, recordSubmitted } from './queue-attempt';
import { settle } from './settle-artifact';

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
 * local or not); concurrent submitters serialize on `.submit.lock` and get the same job.
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
      if (runtime.states.read(artifact.paths).result.status === 'success')
        return new GrenJob(runtime, artifact, executor, null, null);
      return submitNew(runtime, artifact, executor);
    });
  });
}

async function submitNew<T>(runtime: GrenRuntime, artifact: Artifact<T>, executor: Executor): Promise<GrenJob<T>> {
  const { attemptId, request } = await queueAttempt(runtime, artifact, executor);
  try {
    const submitted = await executor.submit(request);
    await recordSubmitted(runtime, artifact.paths, attemptId, submitted);
    logger.debug(`submit: ${artifact.className} ${artifact.hash} -> ${executor.backend} job ${submitted.jobId ?? '?'}`);
    return new GrenJob(runtime, artifact, executor, submitted.jobId, attemptId);
  } catch (error) {
    await recordSubmitFailed(runtime, artifact.paths, attemptId, error);
    throw new GrenComputeError('Failed to submit job', artifact.paths.state, error, configRefOf(artifact));
  }
}

/** The active attempt after asking its scheduler, if any. */
async function activeAttempt<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  executor: Executor,
): Promise<ActiveAttempt | undefined> {
  const settled = await settle(runtime, artifact.paths, executor);
  return isActive(settled.attempt) ? settled.attempt : undefined;
}

function attach<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  executor: Executor,
  attempt: ActiveAttempt,
): GrenJob<T> {
  return new GrenJob(runtime, artifact, executor, schedulerJobId(attempt), attempt.id);
}

export function withSubmitLock<R>(paths: ArtifactPaths, fn: () => Promise<R>): Promise<R> {
  return withLockFile(paths.submitLock, SUBMIT_LOCK_WAIT, fn);
}

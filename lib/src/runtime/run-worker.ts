import { GrenComputeError } from '../errors/compute-error';
import { GrenError } from '../errors/gren-error';
import { getLogger } from '../logging/gren-logger';
import { GrenObject } from '../model/gren-object';
import { fromDict } from '../serialization/from-dict';
import { parsePythonJson } from '../serialization/python-json';
import type { GrenSettings } from '../settings/gren-settings';
import { acquireAttempt } from './acquire-attempt';
import { artifactOf, configRefOf } from './artifact';
import { announceDecision, hasUsableResult } from './cached-result';
import type { GrenRuntime } from './gren-runtime';
import { asDependencyOfCaller } from './load-or-create';
import { loadDefiningModule } from './load-module';
import { reuseIfMapped } from './reuse-attempt';
import { runAttempt, type AttemptSignals } from './run-attempt';
import { readWorkerPayload } from './worker-payload';

export type WorkerOutcome = 'created' | 'already_done' | 'cancelled';

export interface WorkerEnvironment {
  /** Recorded as the running attempt's backend. */
  backend: string;
  /** Facts merged into `attempt.scheduler` (job id, restart count). */
  scheduler: Record<string, unknown>;
  /** The scheduler's job id, when a requeued job may find its own earlier run in the state. */
  jobId?: string;
  signals?: AttemptSignals;
}

/**
 * The worker side of an executor: rebuild the config from the payload (importing the
 * module that defines its class), take over the queued attempt the submitter recorded, and
 * run `_create` with the same state, metadata, log and signal handling as a local run.
 */
export async function runWorker(
  runtime: GrenRuntime,
  settings: GrenSettings,
  payloadFile: string,
  environment: WorkerEnvironment,
): Promise<WorkerOutcome> {
  const payload = readWorkerPayload(payloadFile);
  settings.basePath = payload.basePath;
  loadDefiningModule(payload.module);
  const object = fromDict(parsePythonJson(payload.config));
  if (!(object instanceof GrenObject))
    throw new GrenError(
      'WORKER_NOT_GREN_OBJECT',
      `${payloadFile} describes ${payload.namespace}, which is not a GrenObject.`,
    );
  if (object.grenHash !== payload.grenHash) {
    throw new GrenError(
      'WORKER_HASH_MISMATCH',
      `The config rebuilt from ${payloadFile} hashes to ${object.grenHash}, not ${payload.grenHash}: the code of ${payload.namespace} changed since the job was submitted. Resubmit it.`,
    );
  }
  const artifact = artifactOf(object as GrenObject<unknown>);
  return asDependencyOfCaller(artifact, async () => {
    if (await hasUsableResult(runtime, artifact)) return 'already_done';
    announceDecision(artifact, 'create', `worker ${environment.backend}`);
    const acquired = await acquireAttempt(runtime, artifact, {
      backend: environment.backend,
      scheduler: environment.scheduler,
      maxWaitSec: null,
      adoptAttemptId: payload.attemptId,
      adoptJobId: environment.jobId,
    });
    switch (acquired.kind) {
      case 'succeeded':
        return 'already_done';
      case 'cancelled':
        getLogger().warning(
          `worker: attempt ${payload.attemptId} of ${artifact.className} ${artifact.hash} was cancelled; not running it`,
        );
        return 'cancelled';
      case 'failed':
        throw GrenComputeError.fromRecord('failed', acquired.message, artifact.paths.state, configRefOf(artifact));
      case 'acquired':
        if (await reuseIfMapped(runtime, artifact, acquired.attemptId, acquired.lock)) return 'created';
        await runAttempt(runtime, artifact, acquired.attemptId, acquired.lock, environment.signals);
        return 'created';
    }
  });
}

import { GrenAttemptLost } from '../errors/attempt-lost';
import { GrenComputeError } from '../errors/compute-error';
import { ensureDirectory } from '../storage/ensure-directory';
import { getLogger, logDispatcher } from '../logging/gren-logger';
import { LogSite } from '../logging/log-site';
import { currentHolder, runWithHolder } from '../logging/log-context';
import type { GrenObject } from '../model/gren-object';
import { isActive, type GrenState } from '../storage/state-types';
import { acquireAttempt } from './acquire-attempt';
import { artifactOf, configRefOf, type Artifact } from './artifact';
import { announceDecision, hasUsableResult, loadResult } from './cached-result';
import type { GrenRuntime } from './gren-runtime';
import { reuseIfMapped } from './reuse-attempt';
import { runAttempt } from './run-attempt';
import { settle } from './settle-artifact';

const logger = getLogger();
const CREATED = new LogSite();

/**
 * Runs `body` with the artifact as the current log holder; when it is loaded from inside
 * another artifact's computation, the parent's log gets `dep: begin` / `dep: end`.
 */
export async function asDependencyOfCaller<T, R>(artifact: Artifact<T>, body: () => Promise<R>): Promise<R> {
  const parent = currentHolder();
  const isDependency = parent !== undefined && parent !== artifact.dir;
  if (isDependency)
    logger.debug(`dep: begin ${artifact.className} ${artifact.hash} ${artifact.dir}`, { artifactDir: parent });
  let outcome: 'ok' | 'error' = 'error';
  try {
    const value = await runWithHolder(artifact.dir, body);
    outcome = 'ok';
    return value;
  } finally {
    if (isDependency)
      logger.debug(`dep: end ${artifact.className} ${artifact.hash} (${outcome})`, { artifactDir: parent });
  }
}

/**
 * Loads the artifact's result, or computes it in this process exactly once across processes
 * (the Python gren's algorithm, with its known bugs fixed). A cache hit reads state.json and calls
 * `_validate` and `_load`: it writes nothing.
 */
export function loadOrCreateLocally<T>(runtime: GrenRuntime, object: GrenObject<T>): Promise<T> {
  const artifact = artifactOf(object);
  return asDependencyOfCaller(artifact, () => computeLocally(runtime, artifact));
}

async function computeLocally<T>(runtime: GrenRuntime, artifact: Artifact<T>): Promise<T> {
  if (await hasUsableResult(runtime, artifact)) {
    announceDecision(artifact, 'load');
    return loadResult(artifact);
  }
  ensureDirectory(artifact.paths.internalDir);
  // Only an active attempt can need settling (its holder may be gone); a fresh artifact skips
  // that state-locked step, which acquireAttempt repeats anyway.
  const current = runtime.states.read(artifact.paths);
  const settled = isActive(current.attempt) ? await settle(runtime, artifact.paths) : current;
  const decision = settled.result.status === 'success' ? 'load' : isActive(settled.attempt) ? 'wait' : 'create';
  // Creating writes several lines to the artifact's log: one descriptor for all of them.
  // A process that finds another one computing does not hold it: a long wait keeps no file open.
  const releaseLog = decision === 'create' ? logDispatcher().holdArtifactLog(artifact.dir) : undefined;
  try {
    announceDecision(artifact, decision);
    return await createOrWait(runtime, artifact, settled);
  } finally {
    releaseLog?.();
  }
}

/** `seen`: the state just read, which spares the first attempt one read of state.json. */
async function createOrWait<T>(runtime: GrenRuntime, artifact: Artifact<T>, seen: GrenState): Promise<T> {
  const maxWaitSec = (artifact.object.constructor as { maxWaitTimeSec?: number | null }).maxWaitTimeSec ?? null;
  for (let first = true; ; first = false) {
    const value = await acquireAndRun(runtime, artifact, maxWaitSec, first ? seen : undefined);
    if (value !== LOST) return value;
    logger.warning(
      `load_or_create: ${artifact.className} ${artifact.hash} lost its attempt; waiting for the one that took over`,
    );
  }
}

const LOST = Symbol('lost');

/** The result, or LOST when our `_create` finished after another process took the attempt over. */
async function acquireAndRun<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  maxWaitSec: number | null,
  seen: GrenState | undefined,
): Promise<T | typeof LOST> {
  const acquired = await acquireAttempt(runtime, artifact, { backend: 'local', maxWaitSec, seen });
  switch (acquired.kind) {
    case 'succeeded':
      logger.debug(`load_or_create: ${artifact.className} success -> _load()`);
      return loadResult(artifact);
    case 'failed':
    case 'cancelled': {
      const message = acquired.kind === 'failed' ? acquired.message : 'the attempt was cancelled';
      throw GrenComputeError.fromRecord('failed', message, artifact.paths.state, configRefOf(artifact));
    }
    case 'acquired': {
      try {
        if (await reuseIfMapped(runtime, artifact, acquired.attemptId, acquired.lock))
          return await loadResult(artifact);
        const value = await runAttempt(runtime, artifact, acquired.attemptId, acquired.lock);
        logger.debug(`load_or_create: ${artifact.className} created -> return`, { site: CREATED });
        return value;
      } catch (error) {
        if (error instanceof GrenAttemptLost) return LOST;
        throw error;
      }
    }
  }
}

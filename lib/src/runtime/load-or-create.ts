import * as fs from 'node:fs';
import { GrenComputeError } from '../errors/compute-error';
import { getLogger, logDispatcher } from '../logging/gren-logger';
import { currentHolder, runWithHolder } from '../logging/log-context';
import type { DecisionColor } from '../logging/log-record';
import { userCallerLocation } from '../logging/source-location';
import type { GrenObject } from '../model/gren-object';
import { readState } from '../storage/read-state';
import { removeSuccessMarker } from '../storage/success-marker';
import { withStateLock } from '../storage/state-lock';
import { invalidate } from '../storage/transitions';
import { isActive, type GrenState } from '../storage/state-types';
import { acquireAttempt } from './acquire-attempt';
import { artifactOf, type Artifact } from './artifact';
import { takeForceRecompute } from './force-recompute';
import type { GrenRuntime } from './gren-runtime';
import { messageOf, runAttempt } from './run-attempt';
import { settleLocked } from './settle-artifact';

const logger = getLogger();

/**
 * Loads the artifact's result, or computes it exactly once across processes (reference §4,
 * with B1, B4, B5, R1–R4 fixed). A cache hit reads state.json and calls `_validate` and
 * `_load`: it writes nothing.
 */
export async function loadOrCreateLocally<T>(runtime: GrenRuntime, object: GrenObject<T>): Promise<T> {
  const artifact = artifactOf(object);
  const parent = currentHolder();
  const isDependency = parent !== undefined && parent !== artifact.dir;
  if (isDependency) logger.debug(`dep: begin ${artifact.className} ${artifact.hash} ${artifact.dir}`, { artifactDir: parent });
  let outcome: 'ok' | 'error' = 'error';
  try {
    const value = await runWithHolder(artifact.dir, () => loadOrCreateInContext(runtime, artifact));
    outcome = 'ok';
    return value;
  } finally {
    if (isDependency) logger.debug(`dep: end ${artifact.className} ${artifact.hash} (${outcome})`, { artifactDir: parent });
  }
}

async function loadOrCreateInContext<T>(runtime: GrenRuntime, artifact: Artifact<T>): Promise<T> {
  const cls = artifact.object.constructor as { maxWaitTimeSec?: number | null };
  const state = readState(artifact.paths.state);
  if (state.result.status === 'success' && !takeForceRecompute(runtime.settings, artifact.object.constructor, artifact.dir)) {
    if (await isValid(artifact)) {
      announce(artifact, 'load');
      return load(artifact);
    }
    await invalidateResult(runtime, artifact, '_validate returned false');
  } else if (state.result.status === 'success') {
    await invalidateResult(runtime, artifact, 'force_recompute enabled');
  }
  fs.mkdirSync(artifact.paths.internalDir, { recursive: true });
  const settled = await withStateLock(artifact.paths, () => settleLocked(runtime, artifact.paths, undefined));
  const decision = decide(settled);
  announce(artifact, decision);
  if (decision === 'load') return load(artifact);
  const acquired = await acquireAttempt(runtime, artifact, { backend: 'local', maxWaitSec: cls.maxWaitTimeSec ?? null });
  if (acquired.kind === 'succeeded') {
    logger.debug(`load_or_create: ${artifact.className} success -> _load()`);
    return load(artifact);
  }
  if (acquired.kind === 'failed') {
    throw new GrenComputeError(`Computation failed${acquired.message ? `: ${acquired.message}` : ''}`, artifact.paths.state);
  }
  const value = await runAttempt(runtime, artifact, acquired.attemptId, acquired.lock);
  logger.debug(`load_or_create: ${artifact.className} created -> return`);
  return value;
}

async function isValid<T>(artifact: Artifact<T>): Promise<boolean> {
  try {
    return (await artifact.hooks._validate()) !== false;
  } catch (error) {
    logger.warning(`_validate raised ${(error as Error)?.constructor?.name ?? 'an error'}: ${messageOf(error)} (${artifact.dir}); recomputing`);
    return false;
  }
}

async function invalidateResult<T>(runtime: GrenRuntime, artifact: Artifact<T>, reason: string): Promise<void> {
  await withStateLock(artifact.paths, () => {
    const current = runtime.states.read(artifact.paths);
    if (current.result.status !== 'success') return;
    removeSuccessMarker(artifact.paths);
    runtime.states.updateLocked(artifact.paths, (state, now) => invalidate(state, reason, now));
  });
}

function decide(state: GrenState): DecisionColor {
  if (state.result.status === 'success') return 'load';
  if (isActive(state.attempt)) return 'wait';
  return 'create';
}

const DECISION_TEXT: Readonly<Record<DecisionColor, string>> = { load: 'success->load', wait: 'running->wait', create: 'create' };

function announce<T>(artifact: Artifact<T>, decision: DecisionColor): void {
  const line = `load_or_create ${artifact.className} ${artifact.hash}`;
  if (logDispatcher().consoleEnabled('INFO')) logger.info(line, { consoleOnly: true, decision, location: userCallerLocation() });
  if (decision === 'load') return;
  logDispatcher().separator();
  logger.debug(`${line} ${artifact.dir} (${DECISION_TEXT[decision]})`, { fileOnly: true });
}

async function load<T>(artifact: Artifact<T>): Promise<T> {
  try {
    return await artifact.hooks._load();
  } catch (error) {
    logger.error(`load_or_create ${artifact.className} ${artifact.hash} (load failed)`);
    throw new GrenComputeError(`Failed to load result from ${artifact.dir}`, artifact.paths.state, error);
  }
}

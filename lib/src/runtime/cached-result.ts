import { GrenComputeError } from '../errors/compute-error';
import { getLogger, logDispatcher } from '../logging/gren-logger';
import { LogSite } from '../logging/log-site';
import type { DecisionColor } from '../logging/log-record';
import { userCallerLocation } from '../logging/source-location';
import { goneReusedResult, removeResultLink } from '../storage/result-link';
import { removeSuccessMarker } from '../storage/success-marker';
import { successStates } from '../storage/success-state-cache';
import { withStateLock } from '../storage/state-lock';
import { invalidate } from '../storage/transitions';
import { configRefOf, type Artifact } from './artifact';
import { takeForceRecompute } from './force-recompute';
import type { GrenRuntime } from './gren-runtime';
import { messageOf } from './run-attempt';

const logger = getLogger();
const DECISION = new LogSite();

/**
 * Whether the artifact holds a usable result: success in state.json, not forced to
 * recompute, and `_validate()` agrees. Reads only, unless the result must be invalidated
 * (then a `result_invalidated` event records why).
 */
export async function hasUsableResult<T>(runtime: GrenRuntime, artifact: Artifact<T>): Promise<boolean> {
  const state = successStates.read(artifact.paths.state);
  if (state.result.status !== 'success') return false;
  const goneReuse = goneReusedResult(artifact.dir, state);
  if (goneReuse) {
    await invalidateResult(runtime, artifact, goneReuse);
    return false;
  }
  if (takeForceRecompute(runtime.settings, artifact.object.constructor, artifact.dir)) {
    await invalidateResult(runtime, artifact, 'force_recompute enabled');
    return false;
  }
  const verdict = await validate(artifact);
  if (verdict === true) return true;
  await invalidateResult(runtime, artifact, verdict);
  return false;
}

/** true, or the reason the result is not valid. */
async function validate<T>(artifact: Artifact<T>): Promise<true | string> {
  try {
    return (await artifact.hooks._validate()) === false ? '_validate returned false' : true;
  } catch (error) {
    const type = error instanceof Error ? error.constructor.name : typeof error;
    logger.warning(`_validate raised ${type}: ${messageOf(error)} (${artifact.dir}); recomputing`);
    return `_validate raised ${type}: ${messageOf(error)}`;
  }
}

async function invalidateResult<T>(runtime: GrenRuntime, artifact: Artifact<T>, reason: string): Promise<void> {
  await withStateLock(artifact.paths, () => {
    const current = runtime.states.read(artifact.paths);
    if (current.result.status !== 'success') return;
    removeSuccessMarker(artifact.paths);
    removeResultLink(artifact.dir);
    runtime.states.updateLocked(artifact.paths, (state, now) => invalidate(state, reason, now));
  });
}

/** Calls `_load()`; a failure becomes GrenComputeError("Failed to load result from <dir>"). */
export async function loadResult<T>(artifact: Artifact<T>): Promise<T> {
  try {
    return await artifact.hooks._load();
  } catch (error) {
    logger.error(`load_or_create ${artifact.className} ${artifact.hash} (load failed)`);
    throw new GrenComputeError(
      `Failed to load result from ${artifact.dir}`,
      artifact.paths.state,
      error,
      configRefOf(artifact),
    );
  }
}

const DECISION_TEXT: Readonly<Record<DecisionColor, string>> = {
  load: 'success->load',
  wait: 'running->wait',
  create: 'create',
};

/**
 * The console line `load_or_create <Class> <hash>` at the caller's file:line (skipped,
 * stack capture included, when the console level hides it) and, unless it is a cache hit,
 * a separator and the decision in the artifact's log.
 */
export function announceDecision<T>(artifact: Artifact<T>, decision: DecisionColor, detail?: string): void {
  const line = `load_or_create ${artifact.className} ${artifact.hash}`;
  if (logDispatcher().consoleEnabled('INFO'))
    logger.info(line, { consoleOnly: true, decision, location: userCallerLocation() });
  if (decision === 'load') return;
  logDispatcher().separator();
  logger.debug(`${line} ${artifact.dir} (${detail ?? DECISION_TEXT[decision]})`, { fileOnly: true, site: DECISION });
}

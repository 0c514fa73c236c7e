import type { SchedulerProbe } from '../storage/reconcile';
import { readState } from '../storage/read-state';
import { withStateLock } from '../storage/state-lock';
import type { Executor } from '../executors/executor';
import { probeAttempt } from './probe-attempt';

/** A scheduler's answer, valid only for the attempt it was asked about. */
export interface ProbedAttempt {
  attemptId: string;
  probe: SchedulerProbe | undefined;
}

/**
 * Asks the scheduler about the current attempt when it is active (outside any lock).
 * `seen` is a state the caller has just read, to save reading it again: the answer is used
 * only for the attempt it names, so a state already replaced costs at most one probe.
 */
export async function probeCurrent(
  runtime: GrenRuntime,
  paths: ArtifactPaths,
  preferred?: Executor,
  seen?: GrenState,
): Promise<ProbedAttempt | undefined> {
  const attempt = (seen ?? readState(paths.state)).attempt;
  if (!isActive(attempt)) return undefined;
  return { attemptId: attempt.id, probe: await probeAttempt(runtime, attempt, preferred) };
}

/** Probe, then reconcile under the state lock. */
export async function settle(runtime: GrenRuntime, paths: ArtifactPaths, preferred?: Executor): Promise<GrenState> {
  const probed = await probeCurrent(runtime, paths, preferred);
  return withStateLock(paths, () => settleLocked(runtime, paths, probed));
}
import { reconcile } from '../storage/reconcile';
import { readSuccessMarker } from '../storage/success-marker';
import { isActive, type GrenState } from '../storage/state-types';
import type { ArtifactPaths } from '../storage/artifact-paths';
import type { GrenRuntime } from './gren-runtime';
import { isPidAlive } from './pid-alive';

const ORPHANING_STATUSES: ReadonlySet<string> = new Set(['crashed', 'cancelled', 'preempted']);

/**
 * Reconciles the artifact while the caller holds its state lock: settles an attempt whose
 * holder is gone and, when that holder is proven dead, breaks its compute lock. Because
 * taking the compute lock and recording the attempt happen under the same state lock, a
 * lock is never broken between its creation and its attempt being recorded.
 */
export function settleLocked(runtime: GrenRuntime, paths: ArtifactPaths, probed: ProbedAttempt | undefined): GrenState {
  const outcome = runtime.states.updateLocked(paths, (state, now) =>
    reconcile(state, {
      now,
      hostname: runtime.hostname,
      successMarkerAttempt: isActive(state.attempt) ? readSuccessMarker(paths) : undefined,
      isPidAlive,
      probe: probed && state.attempt?.id === probed.attemptId ? probed.probe : undefined,
      staleAfterSec: runtime.settings.staleAfterSecs,
    }),
  );
  const attempt = outcome.state.attempt;
  if (outcome.changed && attempt && !isActive(attempt)) {
    // Whatever the verdict (a success marker too: it is written under this same lock), the
    // holder it settles is gone, so its compute lock goes with it.
    runtime.locks.breakLock(paths);
  } else if (attempt && ORPHANING_STATUSES.has(attempt.status) && runtime.locks.isHeld(paths)) {
    // An attempt that ended so earlier may have left its lock (a Python process killed by
    // SIGTERM does): an orphan, broken once its holder is dead or stale.
    runtime.locks.breakOrphan(paths, runtime.settings.leaseSecs);
  }
  return outcome.state;
}

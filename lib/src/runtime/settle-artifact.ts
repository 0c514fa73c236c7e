import type { SchedulerProbe } from '../storage/reconcile';
import { reconcile } from '../storage/reconcile';
import { readSuccessMarker } from '../storage/success-marker';
import { isActive, type GrenState } from '../storage/state-types';
import type { ArtifactPaths } from '../storage/artifact-paths';
import type { GrenRuntime } from './gren-runtime';
import { isPidAlive } from './pid-alive';

/**
 * Reconciles the artifact while the caller holds its state lock: settles an attempt whose
 * holder is gone and, when that holder is proven dead, breaks its compute lock. Because
 * taking the compute lock and recording the attempt happen under the same state lock, a
 * lock is never broken between its creation and its attempt being recorded (R1).
 */
export function settleLocked(runtime: GrenRuntime, paths: ArtifactPaths, probe: SchedulerProbe | undefined): GrenState {
  const outcome = runtime.states.updateLocked(paths, (state, now) =>
    reconcile(state, {
      now,
      hostname: runtime.hostname,
      successMarkerAttempt: isActive(state.attempt) ? readSuccessMarker(paths) : undefined,
      isPidAlive,
      probe,
      staleAfterSec: runtime.settings.staleAfterSecs,
    }),
  );
  const attempt = outcome.state.attempt;
  if (outcome.changed && attempt && attempt.status !== 'success' && !isActive(attempt)) runtime.locks.breakLock(paths);
  return outcome.state;
}

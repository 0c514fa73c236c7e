import type { Executor } from '../executors/executor';
import { getLogger } from '../logging/gren-logger';
import type { SchedulerProbe } from '../storage/reconcile';
import type { ActiveAttempt } from '../storage/state-types';
import type { GrenRuntime } from './gren-runtime';

/**
 * The scheduler's answer for an active attempt, from the executor of its backend (the
 * preferred one, else one the runtime knows — so a plain loadOrCreate also asks SLURM).
 * A failing probe counts as no answer.
 */
export async function probeAttempt(
  runtime: GrenRuntime,
  attempt: ActiveAttempt,
  preferred?: Executor,
): Promise<SchedulerProbe | undefined> {
  const executor = [preferred, ...runtime.probers].find(
    (candidate) => candidate?.backend === attempt.backend && candidate.probe !== undefined,
  );
  if (!executor?.probe) return undefined;
  try {
    return await executor.probe(attempt);
  } catch (error) {
    getLogger().warning(
      `probe: ${executor.backend} could not be asked about attempt ${attempt.id}: ${(error as Error).message}`,
    );
    return undefined;
  }
}

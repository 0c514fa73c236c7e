import type { Executor } from '../executors/executor';
import { getLogger } from '../logging/gren-logger';
import { artifactOf } from '../runtime/artifact';
import type { GrenRuntime } from '../runtime/gren-runtime';
import { messageOf } from '../runtime/run-attempt';
import { settle } from '../runtime/settle-artifact';
import { isActive } from '../storage/state-types';
import { finishStopped } from '../storage/transitions';
import { isBatchExecutor, isClosableExecutor } from './batch-executor';
import { mapLimited } from './map-limited';
import type { NodeRecord } from './sweep-book';

/** How long cancel waits for the scheduler to take the cancelled jobs away. */
const STOP_TIMEOUT_MS = 90_000;

/**
 * Cancels the attempts this sweep submitted and waits until their jobs are gone. The attempts
 * are recorded `cancelled` first, so a job that starts meanwhile finds its attempt cancelled
 * and does not run; running workers are stopped by the scheduler (or the pool) and release
 * their locks on the way out. A worker may record its attempt `preempted` itself.
 */
export async function stopSubmitted(
  runtime: GrenRuntime,
  executor: Executor,
  records: readonly NodeRecord[],
): Promise<void> {
  await mapLimited(records, 8, async (record) => {
    const attemptId = record.attemptId;
    if (attemptId === null) return;
    await runtime.states.update(artifactOf(record.node.object).paths, (state, now) =>
      finishStopped(state, attemptId, 'cancelled', null, 'cancelled_by_user', now),
    );
  });
  const jobIds = [...new Set(records.map((record) => record.jobId).filter((jobId): jobId is string => jobId !== null))];
  try {
    if (isBatchExecutor(executor) && executor.cancelBatch) await executor.cancelBatch(jobIds);
    else if (executor.cancel) for (const jobId of jobIds) await executor.cancel(jobId);
  } catch (error) {
    getLogger().error(`sweep: cancelling ${executor.backend} jobs failed: ${messageOf(error)}`);
  }
  if (isClosableExecutor(executor)) await executor.close();
  await waitUntilGone(executor, runtime, records);
}

/** Polls the scheduler until none of the records' jobs is active any more. */
async function waitUntilGone(executor: Executor, runtime: GrenRuntime, records: readonly NodeRecord[]): Promise<void> {
  const probe = executor.probe?.bind(executor);
  if (!probe) return;
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  let pending = records.filter((record) => record.jobId !== null);
  while (pending.length > 0 && Date.now() < deadline) {
    const answers = await mapLimited(pending, 8, async (record) => {
      const attempt = runtime.states.read(artifactOf(record.node.object).paths).attempt;
      if (!attempt) return false;
      const answer = await probe({
        ...attempt,
        status: 'running',
        scheduler: { ...attempt.scheduler, job_id: record.jobId },
      });
      return answer?.active === true;
    });
    pending = pending.filter((_record, index) => answers[index]);
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // A holder that died without cleaning up leaves its compute lock: reconciling breaks it.
  await mapLimited(records, 8, async (record) => {
    const paths = artifactOf(record.node.object).paths;
    if (isActive(runtime.states.read(paths).attempt)) await settle(runtime, paths, executor);
  });
}

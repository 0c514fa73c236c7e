import type { Executor } from '../executors/executor';
import { artifactOf } from '../runtime/artifact';
import type { GrenRuntime } from '../runtime/gren-runtime';
import { settle } from '../runtime/settle-artifact';
import { viewAttempt } from './attempt-view';
import type { NodeRecord, SweepBook } from './sweep-book';
import { mapLimited } from './map-limited';

/**
 * Reads the state of every config the sweep is waiting on and moves the book along: success
 * → done (dependants may start), failure → failed (dependants skipped). With `probe`, active
 * attempts are first reconciled with their scheduler, so a job that died without writing its
 * state (killed, node lost, cancelled) is noticed as the single-job path would.
 */
export async function followAttempts(
  runtime: GrenRuntime,
  book: SweepBook,
  executor: Executor,
  inFlight: readonly NodeRecord[],
  probe: boolean,
): Promise<void> {
  await mapLimited(inFlight, 8, async (record) => {
    const paths = artifactOf(record.node.object).paths;
    const state = probe ? await settle(runtime, paths, executor) : runtime.states.read(paths);
    const view = viewAttempt(state);
    switch (view.kind) {
      case 'done':
        book.set(record.node, { status: 'done', message: null });
        return;
      case 'active':
        book.set(record.node, {
          status: view.status,
          attemptId: view.attemptId,
          jobId: view.jobId ?? record.jobId,
          submittedHere: record.submittedHere && view.attemptId === record.attemptId,
        });
        return;
      case 'ended':
        if (view.status === 'preempted') {
          // A requeued job comes back as a new attempt: only the scheduler can tell it is over.
          if (!probe || (await stillHeld(executor, runtime, record))) return;
        }
        book.set(record.node, { status: 'failed', message: view.message });
        book.skipDependants(record.node, `failed (${view.message})`);
        return;
      case 'none':
        return;
    }
  });
}

/** A preempted attempt whose job the scheduler requeued is not over yet. */
async function stillHeld(executor: Executor, runtime: GrenRuntime, record: NodeRecord): Promise<boolean> {
  const attempt = runtime.states.read(artifactOf(record.node.object).paths).attempt;
  if (!attempt || attempt.status !== 'preempted' || !executor.probe) return false;
  const answer = await executor.probe({ ...attempt, status: 'queued' });
  return answer?.active === true;
}

import type { GrenState } from '../storage/state-types';
import { isActive } from '../storage/state-types';
import { schedulerJobId } from '../storage/scheduler-job-id';

/** What a sweep reads from an artifact's state.json while it follows the artifact. */
export type AttemptView =
  | { kind: 'done' }
  | { kind: 'active'; status: 'queued' | 'running'; attemptId: string; jobId: string | null }
  | { kind: 'ended'; status: 'failed' | 'cancelled' | 'crashed' | 'preempted'; attemptId: string; message: string }
  | { kind: 'none' };

export function viewAttempt(state: GrenState): AttemptView {
  if (state.result.status === 'success') return { kind: 'done' };
  const attempt = state.attempt;
  if (!attempt) return { kind: 'none' };
  if (isActive(attempt))
    return { kind: 'active', status: attempt.status, attemptId: attempt.id, jobId: schedulerJobId(attempt) };
  if (attempt.status === 'success') return { kind: 'done' };
  const detail = attempt.error?.message ?? attempt.reason ?? attempt.status;
  return { kind: 'ended', status: attempt.status, attemptId: attempt.id, message: `${attempt.status}: ${detail}` };
}

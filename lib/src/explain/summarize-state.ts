import type { GrenState } from '../storage/state-types';
import type { AttemptSummary } from './explanation';

/** The attempt of a state, as an explanation shows it. */
export function attemptSummary(state: GrenState): AttemptSummary | null {
  const attempt = state.attempt;
  if (!attempt) return null;
  const ended = 'ended_at' in attempt ? attempt.ended_at : null;
  const error =
    'error' in attempt && attempt.error ? { type: attempt.error.type, message: attempt.error.message } : null;
  return {
    status: attempt.status,
    number: attempt.number,
    backend: attempt.backend,
    host: attempt.owner.host ?? attempt.owner.hostname,
    pid: attempt.owner.pid,
    startedAt: attempt.started_at,
    endedAt: ended,
    leaseExpiresAt: attempt.lease_expires_at,
    error,
    reason: 'reason' in attempt ? attempt.reason : null,
  };
}

/** What loadOrCreate does with an artifact in this state, in a sentence. */
export function describeOutcome(state: GrenState): string {
  const attempt = attemptSummary(state);
  switch (state.result.status) {
    case 'success':
      return `A successful result from ${state.result.created_at} is stored: loadOrCreate() loads it (unless _validate() returns false).`;
    case 'failed': {
      const error = attempt?.error ? ` (${attempt.error.type}: ${attempt.error.message})` : '';
      return `Attempt #${attempt?.number ?? '?'} failed${error}: loadOrCreate() computes it again.`;
    }
    case 'incomplete':
      if (attempt && (attempt.status === 'queued' || attempt.status === 'running')) {
        const where = attempt.host ? ` on ${attempt.host}${attempt.pid !== null ? ` (pid ${attempt.pid})` : ''}` : '';
        return `Attempt #${attempt.number} is ${attempt.status}${where} since ${attempt.startedAt}, lease until ${attempt.leaseExpiresAt}: loadOrCreate() waits for it (or takes over once it is found dead).`;
      }
      return `Attempt #${attempt?.number ?? '?'} ended ${attempt?.status ?? 'without a result'}${attempt?.reason ? ` (${attempt.reason})` : ''}: loadOrCreate() computes it again.`;
    case 'absent':
      return attempt
        ? 'The result was invalidated (or never recorded): loadOrCreate() computes it again.'
        : 'The folder exists but no attempt was recorded: loadOrCreate() computes it.';
  }
}

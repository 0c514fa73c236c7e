import { parseIsoTime } from './iso-time';
import { isActive, type AttemptError, type GrenState, type TerminalStatus } from './state-types';
import { finishStopped, finishFailed, finishSuccess, type Transition } from './transitions';

/** What a scheduler says about a submitted job (see the executors' probes). */
export interface SchedulerProbe {
  /** The scheduler still holds the job (pending, running, requeued): keep the attempt alive. */
  active: boolean;
  terminalStatus?: TerminalStatus;
  schedulerState?: string;
  reason?: string;
}

export interface ReconcileFacts {
  now: Date;
  hostname: string;
  /** The attempt id in SUCCESS.json, when the marker exists. */
  successMarkerAttempt: string | undefined;
  isPidAlive(pid: number): boolean;
  /** The scheduler's answer for this attempt's backend, when one could be asked. */
  probe: SchedulerProbe | undefined;
  /** How long a queued attempt nobody can probe may wait before it is declared crashed. */
  staleAfterSec: number;
}

/**
 * Settles an active attempt whose holder is gone (as the Python gren does, with its bugs fixed):
 * the success marker proves success; a dead pid on this host or an expired lease means a
 * crash; a scheduler that still holds a queued job keeps it alive. Returns undefined
 * when nothing changes — nothing is written then.
 */
export function reconcile(state: GrenState, facts: ReconcileFacts): Transition | undefined {
  const attempt = state.attempt;
  if (!isActive(attempt)) return undefined;
  const { now } = facts;
  if (facts.successMarkerAttempt !== undefined && facts.successMarkerAttempt === attempt.id) {
    return finishSuccess(state, attempt.id, now);
  }
  const probe = facts.probe;
  if (probe?.terminalStatus) {
    const scheduler = { scheduler_state: probe.schedulerState ?? null, reason: probe.reason ?? null };
    const reason = probe.reason ?? 'scheduler_terminal';
    if (probe.terminalStatus === 'success') {
      // A real success would have written the marker first.
      return finishStopped(
        state,
        attempt.id,
        'crashed',
        null,
        probe.reason ?? 'scheduler_success_no_success_marker',
        now,
        scheduler,
      );
    }
    if (probe.terminalStatus === 'failed') {
      const error: AttemptError = { type: 'GrenComputeError', message: reason, traceback: null };
      const transition = finishFailed(state, attempt.id, error, now, reason);
      return (
        transition && {
          ...transition,
          state: {
            ...transition.state,
            attempt: { ...transition.state.attempt!, scheduler: { ...attempt.scheduler, ...scheduler } },
          },
        }
      );
    }
    return finishStopped(state, attempt.id, probe.terminalStatus, null, reason, now, scheduler);
  }
  if (probe?.active) return undefined;
  const ownerHost = attempt.owner.host ?? attempt.owner.hostname;
  const pid = attempt.owner.pid;
  const onThisHost = ownerHost === facts.hostname;
  if (attempt.status === 'running' && onThisHost && pid !== null && !facts.isPidAlive(pid)) {
    return finishStopped(state, attempt.id, 'crashed', null, 'pid_dead', now);
  }
  if (attempt.status === 'queued' && !probe) {
    const startedMs = parseIsoTime(attempt.started_at);
    const waitedSec = (now.getTime() - startedMs) / 1000;
    if (Number.isNaN(startedMs) || waitedSec >= facts.staleAfterSec)
      return finishStopped(state, attempt.id, 'crashed', null, 'queued_too_long', now);
    return undefined;
  }
  const expires = parseIsoTime(attempt.lease_expires_at);
  const graceMs = onThisHost ? 0 : crossHostLeaseGraceSec(attempt.lease_duration_sec) * 1000;
  if (Number.isNaN(expires) || now.getTime() >= expires + graceMs)
    return finishStopped(state, attempt.id, 'crashed', null, 'lease_expired', now);
  return undefined;
}

/**
 * The clocks of two hosts may differ by a few seconds, and `lease_expires_at` is written by
 * the holder's clock: another host's lease counts as expired only this much after its end
 * (10 s, or half a lease shorter than 20 s). The holder renews every third of its lease, so a
 * live holder survives clock differences up to two thirds of the lease plus the grace; a
 * dead one blocks for lease + grace, give or take the clock difference.
 */
export function crossHostLeaseGraceSec(leaseSec: number): number {
  return Math.min(10, Math.max(0, leaseSec) / 2);
}

import { isoSeconds } from './iso-time';
import {
  isActive,
  STATE_SCHEMA_VERSION,
  type ActiveAttempt,
  type ActiveStatus,
  type Attempt,
  type AttemptError,
  type AttemptOwner,
  type GrenState,
} from './state-types';

/** An event without the `ts`, `pid` and `host` the event log adds. */
export interface EventBody {
  type: string;
  [field: string]: unknown;
}

/** A new state and the events that record how it came about (every transition has one). */
export interface Transition {
  state: GrenState;
  events: EventBody[];
}

export interface NewAttempt {
  id: string;
  status: ActiveStatus;
  backend: string;
  leaseSec: number;
  owner: AttemptOwner;
  scheduler?: Record<string, unknown>;
}

/** A new queued or running attempt; the result becomes incomplete. */
export function startAttempt(state: GrenState, spec: NewAttempt, now: Date): Transition {
  const attempt: ActiveAttempt = {
    id: spec.id,
    number: (state.attempt?.number ?? 0) + 1,
    backend: spec.backend,
    status: spec.status,
    started_at: isoSeconds(now),
    heartbeat_at: isoSeconds(now),
    lease_duration_sec: spec.leaseSec,
    lease_expires_at: leaseEnd(now, spec.leaseSec),
    owner: spec.owner,
    scheduler: spec.scheduler ?? {},
  };
  return {
    state: withParts(state, { status: 'incomplete' }, attempt),
    events: [{ type: 'attempt_started', attempt_id: spec.id, backend: spec.backend, status: spec.status }],
  };
}

/** Renews the lease of our own active attempt; undefined when it is no longer ours. */
export function renewLease(state: GrenState, attemptId: string, leaseSec: number, now: Date): Transition | undefined {
  const attempt = state.attempt;
  if (!isActive(attempt) || attempt.id !== attemptId) return undefined;
  return {
    state: withParts(state, state.result, {
      ...attempt,
      heartbeat_at: isoSeconds(now),
      lease_duration_sec: leaseSec,
      lease_expires_at: leaseEnd(now, leaseSec),
    }),
    events: [],
  };
}

/** Turns our queued attempt into a running one (a worker picked up a submitted job). */
export function markRunning(
  state: GrenState,
  attemptId: string,
  owner: AttemptOwner,
  scheduler: Record<string, unknown>,
  leaseSec: number,
  now: Date,
): Transition | undefined {
  const attempt = state.attempt;
  if (!isActive(attempt) || attempt.id !== attemptId) return undefined;
  return {
    state: withParts(state, state.result, {
      ...attempt,
      status: 'running',
      owner,
      scheduler: { ...attempt.scheduler, ...scheduler },
      heartbeat_at: isoSeconds(now),
      lease_duration_sec: leaseSec,
      lease_expires_at: leaseEnd(now, leaseSec),
    }),
    events: [{ type: 'attempt_running', attempt_id: attemptId, backend: attempt.backend }],
  };
}

/** Merges scheduler facts (a job id) into our active attempt. */
export function mergeScheduler(
  state: GrenState,
  attemptId: string,
  fields: Record<string, unknown>,
): Transition | undefined {
  const attempt = state.attempt;
  if (!attempt || attempt.id !== attemptId) return undefined;
  return {
    state: withParts(state, state.result, { ...attempt, scheduler: { ...attempt.scheduler, ...fields } }),
    events: [],
  };
}

/**
 * Our attempt succeeded. Only when the attempt is still ours does anything change: a
 * zombie worker cannot overwrite a newer attempt's outcome.
 */
export function finishSuccess(state: GrenState, attemptId: string, now: Date): Transition | undefined {
  const attempt = state.attempt;
  if (!isActive(attempt) || attempt.id !== attemptId) return undefined;
  return {
    state: withParts(
      state,
      { status: 'success', created_at: isoSeconds(now) },
      { ...attempt, status: 'success', ended_at: isoSeconds(now), reason: null },
    ),
    events: [{ type: 'attempt_finished', attempt_id: attemptId, status: 'success' }],
  };
}

/** Our attempt succeeded by reusing the result of an earlier identity (declared migrations). */
export function finishReused(
  state: GrenState,
  attemptId: string,
  source: { namespace: string; hash: string; steps: readonly string[] },
  now: Date,
): Transition | undefined {
  const finished = finishSuccess(state, attemptId, now);
  if (!finished) return undefined;
  const reused: EventBody = {
    type: 'result_reused',
    attempt_id: attemptId,
    from_namespace: source.namespace,
    from_hash: source.hash,
    steps: [...source.steps],
  };
  return { state: finished.state, events: [reused, ...finished.events] };
}

export function finishFailed(
  state: GrenState,
  attemptId: string,
  error: AttemptError,
  now: Date,
  reason: string | null = null,
): Transition | undefined {
  const attempt = state.attempt;
  if (!isActive(attempt) || attempt.id !== attemptId) return undefined;
  return {
    state: withParts(
      state,
      { status: 'failed' },
      { ...attempt, status: 'failed', ended_at: isoSeconds(now), error, reason },
    ),
    events: [{ type: 'attempt_finished', attempt_id: attemptId, status: 'failed', ...(reason ? { reason } : {}) }],
  };
}

export function finishStopped(
  state: GrenState,
  attemptId: string,
  status: 'preempted' | 'cancelled' | 'crashed',
  error: AttemptError | null,
  reason: string | null,
  now: Date,
  extraScheduler: Record<string, unknown> = {},
): Transition | undefined {
  const attempt = state.attempt;
  if (!isActive(attempt) || attempt.id !== attemptId) return undefined;
  return {
    state: withParts(
      state,
      { status: 'incomplete' },
      {
        ...attempt,
        scheduler: { ...attempt.scheduler, ...extraScheduler },
        status,
        ended_at: isoSeconds(now),
        error,
        reason,
      },
    ),
    events: [{ type: 'attempt_finished', attempt_id: attemptId, status, ...(reason ? { reason } : {}) }],
  };
}

/** Drops a successful result (it will be recomputed); the caller deletes SUCCESS.json. */
export function invalidate(state: GrenState, reason: string, now: Date): Transition {
  return {
    state: withParts(state, { status: 'absent' }, state.attempt),
    events: [{ type: 'result_invalidated', reason, at: isoSeconds(now) }],
  };
}

function withParts(state: GrenState, result: GrenState['result'], attempt: Attempt | null): GrenState {
  return { schema_version: STATE_SCHEMA_VERSION, result, attempt, updated_at: state.updated_at };
}

function leaseEnd(now: Date, leaseSec: number): string {
  return isoSeconds(new Date(now.getTime() + leaseSec * 1000));
}

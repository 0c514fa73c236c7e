import { defaultState, type ActiveAttempt, type AttemptOwner, type GrenState } from 'gren-ts';
import { startAttempt } from '../../../lib/src/storage/transitions';

export const T0 = new Date('2026-11-26T04:19:13.250Z');

/** `T0` plus `seconds`. */
export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

export function owner(overrides: Partial<AttemptOwner> = {}): AttemptOwner {
  return {
    pid: 4242,
    host: 'this-host',
    hostname: 'this-host',
    user: 'root',
    command: 'train.js',
    timestamp: null,
    python_version: null,
    executable: null,
    platform: null,
    ...overrides,
  };
}

/** A state whose current attempt is active (started at T0 with a 120 s lease unless told otherwise). */
export function activeState(
  spec: {
    id?: string;
    status?: 'queued' | 'running';
    backend?: string;
    leaseSec?: number;
    owner?: AttemptOwner;
    start?: Date;
  } = {},
): GrenState {
  const transition = startAttempt(
    defaultState(),
    {
      id: spec.id ?? 'a'.repeat(32),
      status: spec.status ?? 'running',
      backend: spec.backend ?? 'local',
      leaseSec: spec.leaseSec ?? 120,
      owner: spec.owner ?? owner(),
    },
    spec.start ?? T0,
  );
  return { ...transition.state, updated_at: '2026-11-26T04:19:13+00:00' };
}

export function attemptOf(state: GrenState): ActiveAttempt {
  const attempt = state.attempt;
  if (!attempt || (attempt.status !== 'queued' && attempt.status !== 'running'))
    throw new Error('expected an active attempt');
  return attempt;
}

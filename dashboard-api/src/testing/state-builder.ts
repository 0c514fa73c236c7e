import { isoSeconds, type Attempt, type AttemptStatus, type GrenState, type ResultStatus } from 'gren-ts';

/** What a test or a benchmark says about an artifact's state; everything else gets defaults. */
export interface StateSpec {
  result: ResultStatus;
  /** Omit for no attempt at all. */
  attempt?: AttemptSpec;
  /** The state's top-level `updated_at`; null for a state nothing has touched yet. */
  updatedAt: Date | null;
}

export interface AttemptSpec {
  status: AttemptStatus;
  number?: number;
  backend?: string;
  host?: string;
  user?: string;
  startedAt: Date;
  endedAt?: Date;
  error?: { type: string; message: string; traceback: string | null };
  reason?: string | null;
  /** `attempt.scheduler` (default `{}`), e.g. a SLURM array task's job ids. */
  scheduler?: Record<string, unknown>;
}

/** A valid schema-1 state, as the gren libraries (Python or ours) would write it. */
export function buildState(spec: StateSpec): GrenState {
  const result =
    spec.result === 'success'
      ? { status: 'success' as const, created_at: isoSeconds(spec.updatedAt ?? new Date(0)) }
      : { status: spec.result };
  return {
    schema_version: 1,
    result,
    attempt: spec.attempt ? buildAttempt(spec.attempt) : null,
    updated_at: spec.updatedAt ? isoSeconds(spec.updatedAt) : null,
  };
}

function buildAttempt(spec: AttemptSpec): Attempt {
  const started = isoSeconds(spec.startedAt);
  const host = spec.host ?? 'node01';
  const common = {
    id: `attempt-${spec.startedAt.getTime().toString(16)}-${spec.number ?? 1}`,
    number: spec.number ?? 1,
    backend: spec.backend ?? 'local',
    started_at: started,
    heartbeat_at: started,
    lease_duration_sec: 120,
    lease_expires_at: isoSeconds(new Date(spec.startedAt.getTime() + 120_000)),
    owner: {
      pid: 4242,
      host,
      hostname: host,
      user: spec.user ?? 'alice',
      command: 'train.ts',
      timestamp: started,
      python_version: null,
      executable: '/usr/bin/node',
      platform: 'linux',
    },
    scheduler: spec.scheduler ?? {},
  };
  if (spec.status === 'queued' || spec.status === 'running') return { ...common, status: spec.status };
  const ended_at = isoSeconds(spec.endedAt ?? spec.startedAt);
  if (spec.status === 'success') return { ...common, status: 'success', ended_at, reason: null };
  const error = spec.error ?? null;
  if (spec.status === 'failed') {
    return {
      ...common,
      status: 'failed',
      ended_at,
      error: error ?? { type: 'Error', message: 'failed', traceback: null },
      reason: spec.reason ?? null,
    };
  }
  return { ...common, status: spec.status, ended_at, error, reason: spec.reason ?? null };
}

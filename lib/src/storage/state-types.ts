/**
 * The `.gren/state.json` schema, version 1, exactly as the Python gren writes it.
 * Field names stay snake_case: they are the on-disk format.
 */
export const STATE_SCHEMA_VERSION = 1;

/** Every result status of state.json. */
export const RESULT_STATUSES = ['absent', 'incomplete', 'success', 'failed'] as const;
/** Every attempt status of state.json. */
export const ATTEMPT_STATUSES = [
  'queued',
  'running',
  'success',
  'failed',
  'cancelled',
  'preempted',
  'crashed',
] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];
export type ActiveStatus = 'queued' | 'running';
export type TerminalStatus = Exclude<AttemptStatus, ActiveStatus>;

export const TERMINAL_STATUSES: ReadonlySet<AttemptStatus> = new Set([
  'success',
  'failed',
  'cancelled',
  'preempted',
  'crashed',
]);

export type GrenResult =
  { status: 'absent' } | { status: 'incomplete' } | { status: 'success'; created_at: string } | { status: 'failed' };

export interface AttemptOwner {
  pid: number | null;
  host: string | null;
  hostname: string | null;
  user: string | null;
  command: string | null;
  timestamp: string | null;
  python_version: string | null;
  executable: string | null;
  platform: string | null;
}

export interface AttemptError {
  type: string;
  message: string;
  traceback: string | null;
}

interface AttemptCommon {
  id: string;
  number: number;
  backend: string;
  started_at: string;
  heartbeat_at: string;
  lease_duration_sec: number;
  lease_expires_at: string;
  owner: AttemptOwner;
  scheduler: Record<string, unknown>;
}

export interface ActiveAttempt extends AttemptCommon {
  status: ActiveStatus;
}

export interface SucceededAttempt extends AttemptCommon {
  status: 'success';
  ended_at: string;
  reason: null;
}

export interface FailedAttempt extends AttemptCommon {
  status: 'failed';
  ended_at: string;
  error: AttemptError;
  reason: string | null;
}

export interface StoppedAttempt extends AttemptCommon {
  status: 'cancelled' | 'preempted' | 'crashed';
  ended_at: string;
  error: AttemptError | null;
  reason: string | null;
}

export type Attempt = ActiveAttempt | SucceededAttempt | FailedAttempt | StoppedAttempt;
export type EndedAttempt = SucceededAttempt | FailedAttempt | StoppedAttempt;

export interface GrenState {
  schema_version: typeof STATE_SCHEMA_VERSION;
  result: GrenResult;
  attempt: Attempt | null;
  updated_at: string | null;
}

/** The state of an artifact nothing has been written for. */
export function defaultState(): GrenState {
  return { schema_version: STATE_SCHEMA_VERSION, result: { status: 'absent' }, attempt: null, updated_at: null };
}

export function isActive(attempt: Attempt | null): attempt is ActiveAttempt {
  return attempt !== null && (attempt.status === 'queued' || attempt.status === 'running');
}

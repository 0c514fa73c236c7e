import { GrenStateError } from '../errors/state-error';
import {
  STATE_SCHEMA_VERSION,
  type Attempt,
  type AttemptError,
  type AttemptOwner,
  type GrenResult,
  ATTEMPT_STATUSES,
  RESULT_STATUSES,
  type GrenState,
} from './state-types';

type Json = Record<string, unknown>;

const RESULT_STATUS_SET: ReadonlySet<string> = new Set(RESULT_STATUSES);
const ATTEMPT_STATUS_SET: ReadonlySet<string> = new Set(ATTEMPT_STATUSES);
const COMMON_KEYS = [
  'id',
  'number',
  'backend',
  'status',
  'started_at',
  'heartbeat_at',
  'lease_duration_sec',
  'lease_expires_at',
  'owner',
  'scheduler',
];
const EXTRA_KEYS: Readonly<Record<string, readonly string[]>> = {
  queued: [],
  running: [],
  success: ['ended_at', 'reason'],
  failed: ['ended_at', 'error', 'reason'],
  cancelled: ['ended_at', 'error', 'reason'],
  preempted: ['ended_at', 'error', 'reason'],
  crashed: ['ended_at', 'error', 'reason'],
};
const OWNER_KEYS = [
  'pid',
  'host',
  'hostname',
  'user',
  'command',
  'timestamp',
  'python_version',
  'executable',
  'platform',
] as const;
// Allowed keys as sets, built once: every cache hit validates a state.json.
const ROOT_ALLOWED: ReadonlySet<string> = new Set(['schema_version', 'result', 'attempt', 'updated_at']);
const SUCCESS_RESULT_ALLOWED: ReadonlySet<string> = new Set(['status', 'created_at']);
const RESULT_ALLOWED: ReadonlySet<string> = new Set(['status']);
const ATTEMPT_ALLOWED: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(EXTRA_KEYS).map(([status, extras]) => [status, new Set([...COMMON_KEYS, ...extras])]),
);
const OWNER_ALLOWED: ReadonlySet<string> = new Set(OWNER_KEYS);
const ERROR_ALLOWED: ReadonlySet<string> = new Set(['type', 'message', 'traceback']);

/**
 * Validates parsed state.json content as strictly as the Python gren (extra keys and wrong
 * types fail), filling the defaults it fills. Errors name the file and the offending key.
 */
export function parseState(data: unknown, file: string): GrenState {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw GrenStateError.notObject(file);
  const root = data as Json;
  if (root.schema_version !== STATE_SCHEMA_VERSION) throw GrenStateError.unsupportedSchema(file, root.schema_version);
  const fail = (where: string, problem: string): never => {
    throw GrenStateError.invalidSchema(file, where, problem);
  };
  onlyKeys(root, ROOT_ALLOWED, '', fail);
  const updated = root.updated_at ?? null;
  if (updated !== null && typeof updated !== 'string') fail('updated_at', 'must be a string or null');
  return {
    schema_version: STATE_SCHEMA_VERSION,
    result: parseResult(root.result, fail),
    attempt: root.attempt === null || root.attempt === undefined ? null : parseAttempt(root.attempt, fail),
    updated_at: updated as string | null,
  };
}

type Fail = (where: string, problem: string) => never;

function parseResult(value: unknown, fail: Fail): GrenResult {
  const result = object(value, 'result', fail);
  const status = result.status;
  if (typeof status !== 'string' || !RESULT_STATUS_SET.has(status))
    fail('result.status', `must be one of ${[...RESULT_STATUSES].join(', ')}`);
  if (status === 'success') {
    onlyKeys(result, SUCCESS_RESULT_ALLOWED, 'result.', fail);
    return { status: 'success', created_at: string(result.created_at, 'result.created_at', fail) };
  }
  onlyKeys(result, RESULT_ALLOWED, 'result.', fail);
  return { status } as GrenResult;
}

function parseAttempt(value: unknown, fail: Fail): Attempt {
  const attempt = object(value, 'attempt', fail);
  const status = attempt.status;
  if (typeof status !== 'string' || !ATTEMPT_STATUS_SET.has(status))
    fail('attempt.status', `must be one of ${[...ATTEMPT_STATUSES].join(', ')}`);
  const extras = EXTRA_KEYS[status] ?? [];
  onlyKeys(attempt, ATTEMPT_ALLOWED[status] ?? new Set(COMMON_KEYS), 'attempt.', fail);
  const number = attempt.number ?? 1;
  if (typeof number !== 'number' || !Number.isInteger(number)) fail('attempt.number', 'must be an integer');
  const lease = attempt.lease_duration_sec;
  if (typeof lease !== 'number' || !Number.isFinite(lease)) fail('attempt.lease_duration_sec', 'must be a number');
  const scheduler = attempt.scheduler ?? {};
  const parsed: Json = {
    id: string(attempt.id, 'attempt.id', fail),
    number,
    backend: string(attempt.backend, 'attempt.backend', fail),
    status,
    started_at: string(attempt.started_at, 'attempt.started_at', fail),
    heartbeat_at: string(attempt.heartbeat_at, 'attempt.heartbeat_at', fail),
    lease_duration_sec: lease,
    lease_expires_at: string(attempt.lease_expires_at, 'attempt.lease_expires_at', fail),
    owner: parseOwner(attempt.owner, fail),
    scheduler: shallow(object(scheduler, 'attempt.scheduler', fail), 'attempt.scheduler', fail),
  };
  if (extras.length === 0) return parsed as unknown as Attempt;
  parsed.ended_at = string(attempt.ended_at, 'attempt.ended_at', fail);
  if (status === 'success') {
    if (attempt.reason !== undefined && attempt.reason !== null)
      fail('attempt.reason', 'must be null for a successful attempt');
  } else if (status === 'failed') {
    if (attempt.error === undefined || attempt.error === null)
      fail('attempt.error', 'is required for a failed attempt');
    parsed.error = parseError(attempt.error, fail);
  } else {
    parsed.error = attempt.error === undefined || attempt.error === null ? null : parseError(attempt.error, fail);
  }
  parsed.reason = nullableString(attempt.reason, 'attempt.reason', fail);
  return parsed as unknown as Attempt;
}

function parseOwner(value: unknown, fail: Fail): AttemptOwner {
  const owner = object(value, 'attempt.owner', fail);
  onlyKeys(owner, OWNER_ALLOWED, 'attempt.owner.', fail);
  const pid = owner.pid ?? null;
  if (pid !== null && (typeof pid !== 'number' || !Number.isInteger(pid)))
    fail('attempt.owner.pid', 'must be an integer or null');
  const text = (key: (typeof OWNER_KEYS)[number]): string | null =>
    nullableString(owner[key], `attempt.owner.${key}`, fail);
  const host = text('host');
  const hostname = text('hostname');
  return {
    pid: pid,
    host: host ?? hostname,
    hostname: hostname ?? host,
    user: text('user'),
    command: text('command'),
    timestamp: text('timestamp'),
    python_version: text('python_version'),
    executable: text('executable'),
    platform: text('platform'),
  };
}

function parseError(value: unknown, fail: Fail): AttemptError {
  const error = object(value, 'attempt.error', fail);
  onlyKeys(error, ERROR_ALLOWED, 'attempt.error.', fail);
  return {
    type: error.type === undefined ? 'UnknownError' : string(error.type, 'attempt.error.type', fail),
    message: error.message === undefined ? '' : string(error.message, 'attempt.error.message', fail),
    traceback: nullableString(error.traceback, 'attempt.error.traceback', fail),
  };
}

function object(value: unknown, where: string, fail: Fail): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'must be an object');
  return value as Json;
}

/**
 * Free-form values (the scheduler's facts) nested at most this deep: a real scheduler record
 * is flat, and a hostile or corrupt file nested thousands of levels deep would overflow the
 * stack of everything that later walks it (our writer, the dashboard's JSON).
 */
const MAX_FREE_FORM_DEPTH = 32;

function shallow(value: Json, where: string, fail: Fail): Json {
  let level: unknown[] = [value];
  for (let depth = 1; level.length > 0; depth += 1) {
    if (depth > MAX_FREE_FORM_DEPTH) fail(where, `is nested more than ${MAX_FREE_FORM_DEPTH} levels deep`);
    const next: unknown[] = [];
    for (const item of level) {
      if (typeof item === 'object' && item !== null) for (const inner of Object.values(item)) next.push(inner);
    }
    level = next;
  }
  return value;
}

function string(value: unknown, where: string, fail: Fail): string {
  if (typeof value !== 'string') fail(where, 'must be a string');
  return value;
}

function nullableString(value: unknown, where: string, fail: Fail): string | null {
  if (value === undefined || value === null) return null;
  return string(value, where, fail);
}

function onlyKeys(value: Json, allowed: ReadonlySet<string>, prefix: string, fail: Fail): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) fail(`${prefix}${key}`, 'is not allowed here');
  }
}

import { FloatValue } from '../model/float';
import { stringifyPythonJson } from '../serialization/python-json';
import { isActive, type Attempt, type AttemptOwner, type GrenState } from './state-types';

/**
 * state.json text as the Python gren writes it: the schema's key order, every field (nulls
 * included), 2-space indentation, the lease as a float (`120.0`), no trailing newline.
 */
export function serializeState(state: GrenState): string {
  return stringifyPythonJson(
    {
      schema_version: state.schema_version,
      result:
        state.result.status === 'success'
          ? { status: 'success', created_at: state.result.created_at }
          : { status: state.result.status },
      attempt: state.attempt ? orderedAttempt(state.attempt) : null,
      updated_at: state.updated_at,
    },
    { indent: 2 },
  );
}

function orderedAttempt(attempt: Attempt): Record<string, unknown> {
  const ordered: Record<string, unknown> = {
    id: attempt.id,
    number: attempt.number,
    backend: attempt.backend,
    status: attempt.status,
    started_at: attempt.started_at,
    heartbeat_at: attempt.heartbeat_at,
    lease_duration_sec: new FloatValue(attempt.lease_duration_sec),
    lease_expires_at: attempt.lease_expires_at,
    owner: orderedOwner(attempt.owner),
    scheduler: attempt.scheduler,
  };
  if (isActive(attempt)) return ordered;
  ordered.ended_at = attempt.ended_at;
  if (attempt.status !== 'success') {
    ordered.error = attempt.error
      ? { type: attempt.error.type, message: attempt.error.message, traceback: attempt.error.traceback }
      : null;
  }
  ordered.reason = attempt.reason;
  return ordered;
}

function orderedOwner(owner: AttemptOwner): Record<string, unknown> {
  return {
    pid: owner.pid,
    host: owner.host,
    hostname: owner.hostname,
    user: owner.user,
    command: owner.command,
    timestamp: owner.timestamp,
    python_version: owner.python_version,
    executable: owner.executable,
    platform: owner.platform,
  };
}

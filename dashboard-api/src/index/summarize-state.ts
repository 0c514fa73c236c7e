import { parseIsoTime, type GrenState } from 'gren-ts';
import type { ExperimentSummary } from '../contract/api-types';

/** The list row of a readable state (reference §10.1), hostname from the attempt's owner. */
export function summarizeState(namespace: string, hash: string, state: GrenState): ExperimentSummary {
  const attempt = state.attempt;
  return {
    namespace,
    gren_hash: hash,
    class_name: className(namespace),
    result_status: state.result.status,
    attempt_status: attempt?.status ?? null,
    attempt_number: attempt?.number ?? null,
    updated_at: state.updated_at,
    started_at: attempt?.started_at ?? null,
    backend: attempt?.backend ?? null,
    hostname: attempt ? (attempt.owner.hostname ?? attempt.owner.host) : null,
    user: attempt?.owner.user ?? null,
  };
}

/** The row of an artifact whose state.json cannot be read (D2): listed, never fatal. */
export function summarizeInvalid(namespace: string, hash: string, error: string): ExperimentSummary {
  return {
    namespace,
    gren_hash: hash,
    class_name: className(namespace),
    result_status: 'invalid',
    attempt_status: null,
    attempt_number: null,
    updated_at: null,
    started_at: null,
    backend: null,
    hostname: null,
    user: null,
    state_error: error,
  };
}

export function className(namespace: string): string {
  const dot = namespace.lastIndexOf('.');
  return dot < 0 ? namespace : namespace.slice(dot + 1);
}

/** Milliseconds since the epoch of a stored time, or null. */
export function timeMs(text: string | null): number | null {
  if (text === null) return null;
  // What gren writes ends in +00:00, which parseIsoTime hands to Date.parse as it is.
  const value = text.endsWith('+00:00') ? Date.parse(text) : parseIsoTime(text);
  return Number.isNaN(value) ? null : value;
}

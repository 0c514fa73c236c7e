import type { GrenState } from '../storage/state-types';
import type { AttemptStatus, ListedResult } from './statuses';
import { className } from './store-layout';

/**
 * The list row of an artifact (the Python gren dashboard's ExperimentSummary), hostname from
 * the attempt's owner. The `gren` CLI's `--json` and the dashboard API print these fields.
 */
export interface ArtifactSummary {
  namespace: string;
  gren_hash: string;
  class_name: string;
  result_status: ListedResult;
  attempt_status: AttemptStatus | null;
  attempt_number: number | null;
  updated_at: string | null;
  started_at: string | null;
  backend: string | null;
  hostname: string | null;
  user: string | null;
  /** Why state.json cannot be read (only when result_status is `invalid`). */
  state_error?: string;
}

/** The row of a readable state. */
export function summarizeState(namespace: string, hash: string, state: GrenState): ArtifactSummary {
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

/** The row of an artifact whose state.json cannot be read: listed, never fatal. */
export function summarizeInvalid(namespace: string, hash: string, error: string): ArtifactSummary {
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

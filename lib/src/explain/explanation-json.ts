import type { Explanation } from './explanation';
import type { FieldDifference } from './field-difference';
import { formatValue } from './format-value';

/** A difference for JSON output: values as their printed text (`1.0` stays distinct from `1`), null when absent. */
export function differenceToJson(difference: FieldDifference): Record<string, unknown> {
  return {
    path: difference.path,
    change: difference.change,
    old: difference.old === undefined ? null : formatValue(difference.old),
    new: difference.new === undefined ? null : formatValue(difference.new),
  };
}

/** An explanation as `gren explain --json` prints it (snake_case keys, as the store and API). */
export function explanationToJson(explanation: Explanation): Record<string, unknown> {
  const attempt = explanation.attempt;
  return {
    namespace: explanation.namespace,
    gren_hash: explanation.hash,
    directory: explanation.directory,
    store: explanation.storePath,
    status: explanation.status,
    result_status: explanation.result,
    attempt: attempt && {
      status: attempt.status,
      number: attempt.number,
      backend: attempt.backend,
      host: attempt.host,
      pid: attempt.pid,
      started_at: attempt.startedAt,
      ended_at: attempt.endedAt,
      lease_expires_at: attempt.leaseExpiresAt,
      error: attempt.error,
      reason: attempt.reason,
    },
    updated_at: explanation.updatedAt,
    state_error: explanation.stateError,
    summary: explanation.summary,
    compared: explanation.compared,
    not_comparable: explanation.notComparable,
    nearest: explanation.nearest.map((artifact) => ({
      namespace: artifact.namespace,
      gren_hash: artifact.hash,
      directory: artifact.directory,
      result_status: artifact.result,
      updated_at: artifact.updatedAt,
      exact: artifact.exact,
      differences: artifact.differences.map(differenceToJson),
    })),
  };
}

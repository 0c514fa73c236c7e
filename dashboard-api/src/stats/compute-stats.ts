import type { DashboardStats, StatusCount } from '../contract/api-types';
import type { ArtifactRecord } from '../index/artifact-record';

/**
 * Counts by result and attempt status (statuses that occur, sorted by name), running and
 * queued attempts, failed and successful results (reference §10.1). Unreadable artifacts
 * count under result status "invalid".
 */
export function computeStats(records: readonly ArtifactRecord[]): DashboardStats {
  const byResult = new Map<string, number>();
  const byAttempt = new Map<string, number>();
  for (const { summary } of records) {
    byResult.set(summary.result_status, (byResult.get(summary.result_status) ?? 0) + 1);
    if (summary.attempt_status !== null)
      byAttempt.set(summary.attempt_status, (byAttempt.get(summary.attempt_status) ?? 0) + 1);
  }
  return {
    total: records.length,
    by_result_status: counts(byResult),
    by_attempt_status: counts(byAttempt),
    running_count: byAttempt.get('running') ?? 0,
    queued_count: byAttempt.get('queued') ?? 0,
    failed_count: byResult.get('failed') ?? 0,
    success_count: byResult.get('success') ?? 0,
  };
}

function counts(map: Map<string, number>): StatusCount[] {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([status, count]) => ({ status, count }));
}

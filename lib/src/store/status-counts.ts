import type { ArtifactSummary } from './artifact-summary';

export interface StatusCount {
  status: string;
  count: number;
}

/** How many artifacts are in each status: what `gren ls` and the dashboard's stats count. */
export interface StatusCounts {
  total: number;
  /** Statuses that occur, sorted by name (`invalid` for unreadable state). */
  by_result_status: StatusCount[];
  by_attempt_status: StatusCount[];
  running_count: number;
  queued_count: number;
  failed_count: number;
  success_count: number;
}

/** Counts by result and attempt status, and the running, queued, failed and successful totals. */
export function countStatuses(rows: Iterable<Pick<ArtifactSummary, 'result_status' | 'attempt_status'>>): StatusCounts {
  const byResult = new Map<string, number>();
  const byAttempt = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    total += 1;
    byResult.set(row.result_status, (byResult.get(row.result_status) ?? 0) + 1);
    if (row.attempt_status !== null) byAttempt.set(row.attempt_status, (byAttempt.get(row.attempt_status) ?? 0) + 1);
  }
  return {
    total,
    by_result_status: sortedCounts(byResult),
    by_attempt_status: sortedCounts(byAttempt),
    running_count: byAttempt.get('running') ?? 0,
    queued_count: byAttempt.get('queued') ?? 0,
    failed_count: byResult.get('failed') ?? 0,
    success_count: byResult.get('success') ?? 0,
  };
}

function sortedCounts(map: Map<string, number>): StatusCount[] {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([status, count]) => ({ status, count }));
}

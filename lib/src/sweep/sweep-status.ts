import type { GrenObject } from '../model/gren-object';

/**
 * Where one config of a sweep stands:
 * - `cached`: a valid result existed before the sweep started;
 * - `waiting`: its dependencies are not done yet;
 * - `queued` / `running`: its attempt (this sweep's, or another process's it follows);
 * - `done`: computed (or found computed) during the sweep;
 * - `failed`: its computation failed, crashed or was preempted for good;
 * - `skipped`: a dependency failed, so it was not run;
 * - `cancelled`: the sweep was cancelled before it finished.
 */
export type SweepStatus = 'cached' | 'waiting' | 'queued' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled';

export const SWEEP_STATUSES: readonly SweepStatus[] = [
  'cached',
  'waiting',
  'queued',
  'running',
  'done',
  'failed',
  'skipped',
  'cancelled',
];

export const FINAL_STATUSES: ReadonlySet<SweepStatus> = new Set(['cached', 'done', 'failed', 'skipped', 'cancelled']);

/** One distinct config of a sweep. */
export interface SweepEntry {
  readonly config: GrenObject<unknown>;
  readonly className: string;
  readonly hash: string;
  readonly directory: string;
  /** Dependency level (0: nothing to compute first); -1 for cached configs. */
  readonly level: number;
  /** Listed in the sweep's input, rather than only reached as a dependency. */
  readonly requested: boolean;
  readonly status: SweepStatus;
  /** Why it failed, was skipped or cancelled. */
  readonly message: string | null;
  /** The scheduler's job id of its attempt (a SLURM array task is `<array job>_<task>`). */
  readonly jobId: string | null;
  readonly attemptId: string | null;
  /** Whether this sweep submitted the attempt (false: it followed another process's). */
  readonly submittedHere: boolean;
}

/** Counts of configs by status, with the elapsed time; `total` counts distinct configs. */
export type SweepCounts = Record<SweepStatus, number> & { total: number };

export interface SweepSummary extends SweepCounts {
  readonly elapsedSec: number;
  /** Estimated seconds left (from the pace so far); null until something finished. */
  readonly remainingSec: number | null;
  /** Counts per dependency level (index = level). */
  readonly levels: SweepCounts[];
}

export function emptyCounts(): SweepCounts {
  return { total: 0, cached: 0, waiting: 0, queued: 0, running: 0, done: 0, failed: 0, skipped: 0, cancelled: 0 };
}

export function countStatuses(statuses: Iterable<SweepStatus>): SweepCounts {
  const counts = emptyCounts();
  for (const status of statuses) {
    counts[status] += 1;
    counts.total += 1;
  }
  return counts;
}

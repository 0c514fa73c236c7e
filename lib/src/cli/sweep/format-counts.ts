import type { SweepCounts, SweepSummary } from '../../sweep/sweep-status';
import { formatDuration } from './format-duration';

/** `done 3/10, running 2, queued 5, failed 0, skipped 0` (cancelled and cached only when any). */
export function formatCounts(counts: SweepCounts): string {
  const toCompute = counts.total - counts.cached;
  const parts = [
    `done ${counts.done}/${toCompute}`,
    `running ${counts.running}`,
    `queued ${counts.queued + counts.waiting}`,
    `failed ${counts.failed}`,
    `skipped ${counts.skipped}`,
  ];
  if (counts.cancelled > 0) parts.push(`cancelled ${counts.cancelled}`);
  return parts.join(', ');
}

/** The overall line: counts, cached, elapsed and remaining time. */
export function formatOverall(summary: SweepSummary): string {
  return `${formatCounts(summary)}; cached ${summary.cached}; elapsed ${formatDuration(summary.elapsedSec)}, remaining ${summary.remainingSec === 0 ? '0s' : `~${formatDuration(summary.remainingSec)}`}`;
}

import type { ActiveAttempt } from './state-types';

/** The attempt's `scheduler.job_id` as text (SLURM ids, pids), or null while none is recorded. */
export function schedulerJobId(attempt: ActiveAttempt): string | null {
  const jobId = attempt.scheduler.job_id;
  return typeof jobId === 'string' || typeof jobId === 'number' ? String(jobId) : null;
}

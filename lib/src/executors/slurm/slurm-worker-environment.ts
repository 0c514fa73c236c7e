import { execFile } from 'node:child_process';
import { getLogger } from '../../logging/gren-logger';
import type { WorkerEnvironment } from '../../runtime/run-worker';
import type { GrenSettings } from '../../settings/gren-settings';
import { decideRequeue } from './requeue-policy';
import { readSlurmJobEnvironment } from './slurm-job-environment';

/**
 * Inside a SLURM batch job: the attempt is recorded with backend "slurm", the job id and
 * restart count; SIGUSR2 (sent `signalDelaySec` before the time limit) lets `_onPreempt()`
 * checkpoint, then requeues the job unless GREN_PREEMPT_MAX requeues already happened.
 * Undefined outside SLURM.
 */
export function slurmWorkerEnvironment(env: NodeJS.ProcessEnv, settings: GrenSettings): WorkerEnvironment | undefined {
  const job = readSlurmJobEnvironment(env);
  if (!job) return undefined;
  const requeueEnabled = env.GREN_SLURM_REQUEUE !== '0';
  // An array task is known to squeue, sacct and scancel as <array job>_<task>, as the
  // submitter recorded it; its own SLURM_JOB_ID is a number no submitter ever saw.
  const isArrayTask = job.arrayJobId !== null && job.arrayTaskId !== null;
  const jobId = isArrayTask ? `${job.arrayJobId}_${job.arrayTaskId}` : job.jobId;
  const arrayFacts = isArrayTask ? { array_job_id: job.arrayJobId, array_task_id: job.arrayTaskId } : {};
  return {
    backend: 'slurm',
    scheduler: { job_id: jobId, ...arrayFacts, restart_count: job.restartCount, node: job.nodeList },
    jobId,
    signals: {
      signals: ['SIGTERM', 'SIGINT', 'SIGUSR2'],
      plan: (signal) => {
        // scancel, preemption and the time limit all send TERM: the scheduler's state says which.
        if (signal !== 'SIGUSR2') return Promise.resolve({ reason: `signal:${signal}`, record: false });
        const decision = decideRequeue({
          restartCount: job.restartCount,
          maxRequeues: settings.preemptMax,
          requeueEnabled,
        });
        if (decision.action === 'stop') return Promise.resolve({ reason: decision.reason });
        return Promise.resolve({ reason: 'requeued_before_time_limit', after: () => requeue(jobId) });
      },
    },
  };
}

function requeue(jobId: string): Promise<void> {
  return new Promise((resolve) => {
    execFile('scontrol', ['requeue', jobId], { timeout: 30_000 }, (error, _stdout, stderr) => {
      if (error) getLogger().error(`slurm: scontrol requeue ${jobId} failed: ${stderr.trim() || error.message}`);
      resolve();
    });
  });
}

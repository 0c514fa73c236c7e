import { isSlurmJobId } from './slurm-values';

/** What a batch job learns about itself from the variables slurmd sets. */
export interface SlurmJobEnvironment {
  readonly jobId: string;
  /**
   * How many times the job was requeued before this run. slurmd leaves SLURM_RESTART_COUNT
   * unset on the first run and sets it to 1, 2, … after each requeue (preemption or
   * `scontrol requeue`); unset reads as 0.
   */
  readonly restartCount: number;
  readonly jobName: string | null;
  readonly partition: string | null;
  readonly nodeList: string | null;
  readonly clusterName: string | null;
  readonly submitDir: string | null;
  readonly cpusOnNode: number | null;
  /** In a job array: the array's job id (SLURM_ARRAY_JOB_ID) and this task's index. */
  readonly arrayJobId: string | null;
  readonly arrayTaskId: number | null;
}

/** Reads the SLURM_* variables of a batch job; `null` when not running inside one. */
export function readSlurmJobEnvironment(env: Readonly<Record<string, string | undefined>>): SlurmJobEnvironment | null {
  const jobId = env['SLURM_JOB_ID'] ?? env['SLURM_JOBID'];
  if (jobId === undefined || !isSlurmJobId(jobId)) return null;
  return {
    jobId,
    restartCount: wholeNumber(env['SLURM_RESTART_COUNT']) ?? 0,
    jobName: nonEmpty(env['SLURM_JOB_NAME']),
    partition: nonEmpty(env['SLURM_JOB_PARTITION']),
    nodeList: nonEmpty(env['SLURM_JOB_NODELIST']),
    clusterName: nonEmpty(env['SLURM_CLUSTER_NAME']),
    submitDir: nonEmpty(env['SLURM_SUBMIT_DIR']),
    cpusOnNode: wholeNumber(env['SLURM_CPUS_ON_NODE']),
    arrayJobId: nonEmpty(env['SLURM_ARRAY_JOB_ID']),
    arrayTaskId: wholeNumber(env['SLURM_ARRAY_TASK_ID']),
  };
}

function wholeNumber(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

import { SlurmError } from './slurm-error';
import { isSlurmJobId } from './slurm-values';

/** What `sbatch --parsable` reports: the job id, and the cluster when it names one. */
export interface SbatchSubmission {
  readonly jobId: string;
  readonly cluster: string | null;
}

/**
 * Reads `sbatch --parsable` output: `<jobid>` or `<jobid>;<cluster>` (the cluster appears with
 * `-M`/federation). Lines before the last non-empty one (site banners) are ignored.
 */
export function parseSbatchOutput(stdout: string, command = 'sbatch --parsable'): SbatchSubmission {
  const lines = stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const last = lines[lines.length - 1];
  if (last === undefined)
    throw SlurmError.unreadableOutput(command, 'it printed nothing, so no job id was returned', stdout);
  const [jobId = '', cluster, ...rest] = last.split(';');
  if (!isSlurmJobId(jobId) || rest.length > 0 || cluster === '') {
    throw SlurmError.unreadableOutput(command, 'the last line is not "<jobid>" or "<jobid>;<cluster>"', stdout);
  }
  return { jobId, cluster: cluster ?? null };
}

import { SlurmError } from './slurm-error';
import { isSlurmJobId } from './slurm-values';

/** A command to run without a shell (`execFile(file, args)`). */
export interface SchedulerCommand {
  readonly file: string;
  readonly args: readonly string[];
}

/** The squeue columns the squeue parser reads: job id, full state name, reason. */
export const SQUEUE_FORMAT = '%i|%T|%r';
/** The sacct columns the sacct parser reads by default, in this order. */
export const SACCT_FIELDS = ['JobID', 'State', 'ExitCode', 'Reason', 'Start', 'End'] as const;

/** `sbatch --parsable <script>`: prints `<jobid>` or `<jobid>;<cluster>`. */
export function sbatchCommand(scriptPath: string): SchedulerCommand {
  return { file: 'sbatch', args: ['--parsable', scriptPath] };
}

/**
 * `squeue -h -t all -j <id> -o '%i|%T|%r'`. `-t all` keeps finished jobs listed while the
 * controller remembers them (MinJobAge); without it squeue prints nothing for them.
 */
export function squeueCommand(jobId: string, cluster: string | null = null): SchedulerCommand {
  return {
    file: 'squeue',
    args: [...clusterArgs(cluster), '-h', '-t', 'all', '-j', checkedJobId(jobId), '-o', SQUEUE_FORMAT],
  };
}

/** `scontrol show job <id>`, the multi-line form (free-text fields on lines of their own). */
export function scontrolShowJobCommand(jobId: string, cluster: string | null = null): SchedulerCommand {
  return { file: 'scontrol', args: [...clusterArgs(cluster), 'show', 'job', checkedJobId(jobId)] };
}

/**
 * `sacct -n -P -X -D -j <id> -o JobID,State,ExitCode,Reason,Start,End`: one line per run of
 * the job (`-D` keeps the runs before a requeue), allocations only (`-X`).
 */
export function sacctCommand(jobId: string, cluster: string | null = null): SchedulerCommand {
  return {
    file: 'sacct',
    args: [...clusterArgs(cluster), '-n', '-P', '-X', '-D', '-j', checkedJobId(jobId), '-o', SACCT_FIELDS.join(',')],
  };
}

/** `scancel <id>`, or `scancel --signal=<sig> <id>` to signal without cancelling. */
export function scancelCommand(jobId: string, cluster: string | null = null, signal?: string): SchedulerCommand {
  const signalArgs = signal === undefined ? [] : [`--signal=${signal}`];
  return { file: 'scancel', args: [...clusterArgs(cluster), ...signalArgs, checkedJobId(jobId)] };
}

/** `scontrol requeue <id>`: what a job runs on itself to go back to the queue (needs --requeue). */
export function scontrolRequeueCommand(jobId: string, cluster: string | null = null): SchedulerCommand {
  return { file: 'scontrol', args: [...clusterArgs(cluster), 'requeue', checkedJobId(jobId)] };
}

/** The command as a person would type it, for messages. */
export function formatCommand(command: SchedulerCommand): string {
  return [command.file, ...command.args]
    .map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

function clusterArgs(cluster: string | null): string[] {
  return cluster === null ? [] : ['-M', cluster];
}

function checkedJobId(jobId: string): string {
  if (!isSlurmJobId(jobId)) {
    throw new SlurmError(
      'SLURM_INVALID_JOB_ID',
      `"${jobId}" is not a SLURM job id (expected digits such as "1234", as sbatch --parsable prints). ` +
        'Check attempt.scheduler.job_id in state.json.',
    );
  }
  return jobId;
}

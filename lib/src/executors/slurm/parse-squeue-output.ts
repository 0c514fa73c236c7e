import { SQUEUE_FORMAT } from './scheduler-commands';
import { SlurmError } from './slurm-error';
import { isSlurmJobId, normalizeSchedulerState, parseSlurmReason } from './slurm-values';

/** One line of `squeue -o '%i|%T|%r'`. */
export interface SqueueRow {
  readonly jobId: string;
  /** Normalized state name, e.g. `PENDING`. */
  readonly state: string;
  /** The state as printed. */
  readonly rawState: string;
  /** SLURM's reason (`Resources`, `BeginTime`, `job requeued in held state`…); `null` for None. */
  readonly reason: string | null;
}

/**
 * Reads squeue output in the `'%i|%T|%r'` format. Empty output is a valid answer (squeue
 * lists nothing for a job it does not hold, or a finished one without `-t all`) and gives
 * `[]`. A header line (`JOBID|STATE|REASON`) and `CLUSTER:` lines are skipped. The reason may
 * contain spaces.
 */
export function parseSqueueOutput(stdout: string, command = `squeue -h -o '${SQUEUE_FORMAT}'`): SqueueRow[] {
  const rows: SqueueRow[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const text = line.trim();
    if (text === '' || text.startsWith('CLUSTER:') || /^JOBID\|/i.test(text)) continue;
    const [jobId = '', rawState = '', ...reasonParts] = text.split('|');
    const state = normalizeSchedulerState(rawState);
    if (!isSlurmJobId(jobId) || state === null || !/^[A-Z_]+$/.test(state) || reasonParts.length === 0) {
      throw SlurmError.unreadableOutput(command, `the line "${text}" is not "<jobid>|<STATE>|<reason>"`, stdout);
    }
    rows.push({ jobId, state, rawState: rawState.trim(), reason: parseSlurmReason(reasonParts.join('|')) });
  }
  return rows;
}

/** The row for `jobId`, or `null` when squeue did not list it. */
export function findSqueueRow(rows: readonly SqueueRow[], jobId: string): SqueueRow | null {
  return rows.find((row) => row.jobId === jobId) ?? null;
}

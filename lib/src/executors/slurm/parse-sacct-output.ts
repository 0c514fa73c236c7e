import { SACCT_FIELDS } from './scheduler-commands';
import { SlurmError } from './slurm-error';
import {
  isSlurmJobId,
  normalizeSchedulerState,
  parseSlurmExitCode,
  parseSlurmReason,
  parseSlurmTime,
  type SlurmExitCode,
} from './slurm-values';

/** One line of `sacct -n -P`: one run of a job (or one step, without `-X`). */
export interface SacctRecord {
  /** As printed: `12`, or `12.batch` for a step. */
  readonly jobId: string;
  /** Normalized state: `CANCELLED by 0` → `CANCELLED`. */
  readonly state: string;
  readonly rawState: string;
  /** Who cancelled (`CANCELLED by 0` → `0`, a uid), else `null`. */
  readonly cancelledBy: string | null;
  readonly exitCode: SlurmExitCode | null;
  /** sacct's Reason column; it keeps the reason of the last pending period, so it is often stale. */
  readonly reason: string | null;
  readonly start: string | null;
  readonly end: string | null;
  /** Every column by its sacct field name. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Reads `sacct -n -P -o <fields>` output (`|`-separated, no header). `fields` must be the
 * `-o` list in order and include JobID and State. Empty output is a valid answer (slurmdbd has
 * no record yet: seen for a few seconds after submission) and gives `[]`.
 */
export function parseSacctOutput(
  stdout: string,
  fields: readonly string[] = SACCT_FIELDS,
  command = `sacct -n -P -o ${fields.join(',')}`,
): SacctRecord[] {
  if (!fields.includes('JobID') || !fields.includes('State')) {
    throw SlurmError.unreadableOutput(command, 'the field list must include JobID and State', fields.join(','));
  }
  const records: SacctRecord[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const values = line.split('|');
    if (values.length !== fields.length) {
      throw SlurmError.unreadableOutput(
        command,
        `the line "${line}" has ${values.length} columns, expected ${fields.length} (${fields.join('|')}); run sacct with -P and the same -o list`,
        stdout,
      );
    }
    const row = Object.fromEntries(fields.map((name, i) => [name, values[i] ?? '']));
    records.push(toRecord(row, line, command, stdout));
  }
  return records;
}

/**
 * The runs of `jobId` in order (steps such as `12.batch` left out). With `sacct -D` a requeued
 * job has one record per run: REQUEUED/PREEMPTED/NODE_FAIL for the runs that went back to the
 * queue, then the current one.
 */
export function sacctRuns(records: readonly SacctRecord[], jobId: string): SacctRecord[] {
  return records.filter((record) => record.jobId === jobId);
}

/** The latest run of `jobId`, or `null` when sacct has none. */
export function lastSacctRun(records: readonly SacctRecord[], jobId: string): SacctRecord | null {
  const runs = sacctRuns(records, jobId);
  return runs[runs.length - 1] ?? null;
}

function toRecord(row: Record<string, string>, line: string, command: string, stdout: string): SacctRecord {
  const jobId = (row['JobID'] ?? '').trim();
  const rawState = (row['State'] ?? '').trim();
  const state = normalizeSchedulerState(rawState);
  if (!/^\d/.test(jobId) || !isSlurmJobId(jobId.split('.')[0] ?? '') || state === null || !/^[A-Z_]+$/.test(state)) {
    throw SlurmError.unreadableOutput(command, `the line "${line}" has no valid JobID and State`, stdout);
  }
  const exitText = row['ExitCode'];
  const exitCode = exitText === undefined || exitText.trim() === '' ? null : parseSlurmExitCode(exitText);
  if (exitCode === undefined)
    throw SlurmError.unreadableOutput(command, `the line "${line}" has an unreadable ExitCode`, stdout);
  return {
    jobId,
    state,
    rawState,
    cancelledBy: /^CANCELLED by (\S+)/i.exec(rawState)?.[1] ?? null,
    exitCode,
    reason: parseSlurmReason(row['Reason']),
    start: row['Start'] === undefined ? null : parseSlurmTime(row['Start']),
    end: row['End'] === undefined ? null : parseSlurmTime(row['End']),
    fields: Object.freeze(row),
  };
}

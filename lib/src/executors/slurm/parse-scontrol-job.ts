import { SlurmError } from './slurm-error';
import {
  isSlurmJobId,
  normalizeSchedulerState,
  parseSlurmDuration,
  parseSlurmExitCode,
  parseSlurmReason,
  parseSlurmTime,
  type SlurmExitCode,
} from './slurm-values';

/** The parts of `scontrol show job` gren uses; `fields` keeps every key as printed. */
export interface ScontrolJob {
  readonly jobId: string;
  readonly jobName: string | null;
  /** Normalized `JobState`, e.g. `PENDING`. */
  readonly state: string;
  readonly rawState: string;
  /** `Reason`, `null` for None (e.g. `Resources`, `BeginTime`, `job_requeued_in_held_state`). */
  readonly reason: string | null;
  /** `Requeue=1`: SLURM may requeue the job (after preemption, or `scontrol requeue`). */
  readonly requeue: boolean | null;
  /** `Restarts`: how many times the job was requeued (the batch job sees it as SLURM_RESTART_COUNT). */
  readonly restarts: number | null;
  /** `BatchFlag=1`: a batch job (sbatch). */
  readonly batchFlag: boolean | null;
  readonly exitCode: SlurmExitCode | null;
  readonly runTimeSec: number | null;
  /** `TimeLimit` in seconds; `null` for UNLIMITED. */
  readonly timeLimitSec: number | null;
  readonly partition: string | null;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly workDir: string | null;
  readonly stdOut: string | null;
  readonly stdErr: string | null;
  /** Every `Key=value` pair; the first occurrence of a key wins. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Keys whose value is free text. In the multi-line form each sits on a line of its own (after
 * `JobName`, which ends the first line), so the whole rest of the line is the value.
 */
const FREE_TEXT_LINE_KEYS = new Set([
  'Command',
  'WorkDir',
  'StdErr',
  'StdIn',
  'StdOut',
  'Comment',
  'AdminComment',
  'SystemComment',
]);

/** Where a new `Key=value` starts: blanks, then a capitalized key (`MCS_label`, `CPUs/Task`, `NtasksPerN:B:S:C`). */
const KEY_START = /\s+(?=[A-Z][A-Za-z0-9_:/]*=)/;

/**
 * Reads `scontrol show job` output, multi-line (default) or one-line (`-o`), for one or many
 * jobs. Unknown keys are kept in `fields`. Throws a `SlurmError` naming `command` when the
 * output holds no job or a job without `JobId`/`JobState`.
 *
 * Both forms print user text (job name, paths, comment) unquoted. The multi-line form keeps it
 * apart: the name ends the first line and paths/comments have lines of their own, so every
 * field is exact. In the one-line form the job name is read up to ` UserId=`, and since the
 * free-text fields come after the state fields, the first occurrence of a key wins; a path
 * containing ` Word=` may then be cut short. Prefer the multi-line form.
 */
export function parseScontrolJobs(stdout: string, command = 'scontrol show job'): ScontrolJob[] {
  const records = splitRecords(stdout);
  if (records.length === 0) throw SlurmError.unreadableOutput(command, 'it printed no "JobId=" record', stdout);
  return records.map((lines) =>
    toJob(
      lines.length > 1 || /^\s/.test(lines[0] ?? '') ? readMultiLine(lines) : readOneLine(lines[0] ?? ''),
      command,
      stdout,
    ),
  );
}

/** The record of `jobId` (or the only record when `jobId` is omitted). */
export function parseScontrolJob(stdout: string, jobId?: string, command = 'scontrol show job'): ScontrolJob {
  const jobs = parseScontrolJobs(stdout, command);
  const job = jobId === undefined ? (jobs.length === 1 ? jobs[0] : undefined) : jobs.find((j) => j.jobId === jobId);
  if (job === undefined) {
    const wanted = jobId === undefined ? 'exactly one job' : `job ${jobId}`;
    throw SlurmError.unreadableOutput(
      command,
      `expected ${wanted}, found ${jobs.map((j) => j.jobId).join(', ')}`,
      stdout,
    );
  }
  return job;
}

/** Records start at a line beginning with `JobId=`; continuation lines are indented. */
function splitRecords(stdout: string): string[][] {
  const records: string[][] = [];
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const current = records[records.length - 1];
    if (line.startsWith('JobId=') || current === undefined) records.push([line]);
    else current.push(line);
  }
  return records;
}

function readMultiLine(lines: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  const [first = '', ...rest] = lines;
  readFirstLine(first, fields, (name) => name);
  for (const raw of rest) {
    const line = raw.trim();
    const key = /^([A-Z][A-Za-z0-9_:/]*)=/.exec(line)?.[1];
    if (key !== undefined && FREE_TEXT_LINE_KEYS.has(key)) {
      setFirst(fields, key, line.slice(key.length + 1));
    } else {
      readPairs(line, fields);
    }
  }
  return fields;
}

function readOneLine(line: string): Map<string, string> {
  const fields = new Map<string, string>();
  readFirstLine(line, fields, (name) => {
    // The name runs to the first " UserId=", which scontrol always prints next.
    const end = name.indexOf(' UserId=');
    if (end < 0) return name;
    readPairs(name.slice(end + 1), fields);
    return name.slice(0, end);
  });
  return fields;
}

/** `JobId=… [ArrayJobId=… …] JobName=<rest>`: the name is whatever follows `JobName=`. */
function readFirstLine(line: string, fields: Map<string, string>, takeName: (rest: string) => string): void {
  const at = line.search(/(^|\s)JobName=/);
  if (at < 0) {
    readPairs(line.trim(), fields);
    return;
  }
  const nameStart = line.indexOf('JobName=', at) + 'JobName='.length;
  readPairs(line.slice(0, at).trim(), fields);
  const name = takeName(line.slice(nameStart).replace(/\s+$/, ''));
  // JobName is read before the pairs that follow it in the one-line form, so set it first-wins too.
  if (!fields.has('JobName')) fields.set('JobName', name);
}

function readPairs(text: string, fields: Map<string, string>): void {
  if (text === '') return;
  for (const token of text.split(KEY_START)) {
    const eq = token.indexOf('=');
    if (eq <= 0) continue;
    setFirst(fields, token.slice(0, eq), token.slice(eq + 1).trim());
  }
}

function setFirst(fields: Map<string, string>, key: string, value: string): void {
  if (!fields.has(key)) fields.set(key, value.replace(/\s+$/, ''));
}

function toJob(fields: Map<string, string>, command: string, stdout: string): ScontrolJob {
  const jobId = fields.get('JobId') ?? '';
  const rawState = fields.get('JobState') ?? '';
  const state = normalizeSchedulerState(rawState);
  if (!isSlurmJobId(jobId))
    throw SlurmError.unreadableOutput(command, 'a record has no valid "JobId=<digits>"', stdout);
  if (state === null) throw SlurmError.unreadableOutput(command, `job ${jobId} has no "JobState="`, stdout);
  const read = <T>(key: string, parse: (text: string) => T | undefined): T | null => {
    const text = fields.get(key);
    if (text === undefined) return null;
    const value = parse(text);
    if (value === undefined)
      throw SlurmError.unreadableOutput(command, `job ${jobId} has an unreadable ${key}="${text}"`, stdout);
    return value;
  };
  const flag = (text: string): boolean | undefined => (text === '1' ? true : text === '0' ? false : undefined);
  const count = (text: string): number | undefined => (/^\d+$/.test(text) ? Number(text) : undefined);
  const text = (key: string): string | null => {
    const value = fields.get(key);
    return value === undefined || value === '' || value === '(null)' ? null : value;
  };
  return {
    jobId,
    jobName: fields.get('JobName') ?? null,
    state,
    rawState,
    reason: parseSlurmReason(fields.get('Reason')),
    requeue: read('Requeue', flag),
    restarts: read('Restarts', count),
    batchFlag: read('BatchFlag', flag),
    exitCode: read('ExitCode', parseSlurmExitCode),
    runTimeSec: read('RunTime', parseSlurmDuration),
    timeLimitSec: read('TimeLimit', parseSlurmDuration),
    partition: text('Partition'),
    startTime: read('StartTime', parseSlurmTime),
    endTime: read('EndTime', parseSlurmTime),
    workDir: text('WorkDir'),
    stdOut: text('StdOut'),
    stdErr: text('StdErr'),
    fields: Object.freeze(Object.fromEntries(fields)),
  };
}

import type { ResolvedSlurmOptions } from './slurm-options';
import { SlurmError } from './slurm-error';
import { sbatchDirectiveValue, sbatchFilenameDirectory, shellQuote } from './shell-quote';

/** Everything a batch script needs besides the SLURM options. */
export interface SbatchScriptInput {
  readonly options: ResolvedSlurmOptions;
  /** Absolute directory the worker runs in (the submitter's working directory). */
  readonly workingDir: string;
  /**
   * Absolute folder for the job's stdout/stderr (`<jobid>.out`, `<jobid>.err`), usually the
   * artifact's `.gren/slurm/`. It must exist before the job starts: create it before `sbatch`.
   */
  readonly logDir: string;
  /** Variables exported before the worker starts, in this order. */
  readonly env: Readonly<Record<string, string>>;
  /** The worker command line, e.g. `[process.execPath, workerPath, '--spec', specPath]`. */
  readonly command: readonly string[];
  /** The log files' name before `.out`/`.err` (default `%j`; job arrays use `%A_%a`). */
  readonly logName?: string;
}

/** The signals the batch shell forwards to the worker. */
export const FORWARDED_SIGNALS = ['USR2', 'TERM'] as const;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where a job's logs end up, given the `logDir` the script was rendered with. */
export function sbatchLogPaths(logDir: string, jobId: string): { stdout: string; stderr: string } {
  const base = logDir.endsWith('/') ? logDir : `${logDir}/`;
  return { stdout: `${base}${jobId}.out`, stderr: `${base}${jobId}.err` };
}

/** The `#SBATCH` lines, without the `#SBATCH ` prefix, in the order they are rendered. */
export function sbatchDirectives(options: ResolvedSlurmOptions, logDir: string, logName = '%j'): string[] {
  requireAbsolute('logDir', logDir);
  const logBase = sbatchFilenameDirectory(logDir.endsWith('/') ? logDir : `${logDir}/`, 'logDir');
  const lines = [
    `--job-name=${sbatchDirectiveValue(options.jobName, 'jobName')}`,
    `--output=${sbatchDirectiveValue(logBase, 'logDir')}${logName}.out`,
    `--error=${sbatchDirectiveValue(logBase, 'logDir')}${logName}.err`,
    // A requeued job keeps its id; append so that the earlier runs' logs survive.
    '--open-mode=append',
  ];
  if (options.partition !== null) lines.push(`--partition=${sbatchDirectiveValue(options.partition, 'partition')}`);
  if (options.timeMin !== null) lines.push(`--time=${options.timeMin}`);
  if (options.cpusPerTask !== null) lines.push(`--cpus-per-task=${options.cpusPerTask}`);
  if (options.memGb !== null) lines.push(`--mem=${formatMemory(options.memGb)}`);
  if (options.gpusPerNode !== null && options.gpusPerNode > 0) lines.push(`--gpus-per-node=${options.gpusPerNode}`);
  if (options.account !== null) lines.push(`--account=${sbatchDirectiveValue(options.account, 'account')}`);
  if (options.qos !== null) lines.push(`--qos=${sbatchDirectiveValue(options.qos, 'qos')}`);
  if (options.signalDelaySec !== null) lines.push(`--signal=B:USR2@${options.signalDelaySec}`);
  lines.push(options.requeue ? '--requeue' : '--no-requeue');
  for (const [flag, value] of options.additionalParameters) {
    lines.push(
      value === true ? `--${flag}` : `--${flag}=${sbatchDirectiveValue(value, `additionalParameters.${flag}`)}`,
    );
  }
  return lines;
}

/**
 * The text of a bash batch script that runs `command` under SLURM.
 *
 * SLURM delivers `--signal=B:USR2@N` and the SIGTERM of scancel, preemption and requeue to
 * the batch shell, and bash runs a trap only once the foreground command has finished. So
 * the worker runs in the background, the shell `wait`s for it in a loop (a trapped signal
 * interrupts `wait`), forwards USR2 and TERM to it, and exits with the worker's own status.
 */
export function renderSbatchScript(input: SbatchScriptInput): string {
  requireAbsolute('workingDir', input.workingDir);
  if (input.command.length === 0) {
    throw SlurmError.invalidScriptInput(
      'command',
      input.command,
      'is empty; pass the worker command line, e.g. [process.execPath, workerPath]',
    );
  }
  const directives = sbatchDirectives(input.options, input.logDir, input.logName).map((line) => `#SBATCH ${line}`);
  const exportLines = Object.entries(input.env).map(([name, value]) => {
    if (!ENV_NAME.test(name)) {
      throw SlurmError.invalidScriptInput(
        `env name`,
        name,
        'is not a valid environment variable name (letters, digits and _, not starting with a digit)',
      );
    }
    return `export ${name}=${shellQuote(value, `env ${name}`)}`;
  });
  const command = input.command.map((arg, i) => shellQuote(arg, `command[${i}]`)).join(' ');
  const traps = FORWARDED_SIGNALS.map((signal) => `trap 'gren_forward ${signal}' ${signal}`);

  return [
    '#!/bin/bash',
    '# Written by gren: runs one gren worker as a SLURM batch job.',
    ...directives,
    '',
    '# SLURM signals this shell (USR2 before the time limit; TERM on scancel, preemption and',
    '# requeue). bash runs traps only between commands, so the worker runs in the background,',
    '# the shell waits for it and forwards those signals to it.',
    'gren_worker_pid=',
    'gren_pending_signals=',
    'gren_forward() {',
    '  if [ -n "$gren_worker_pid" ]; then',
    '    kill -s "$1" "$gren_worker_pid" 2>/dev/null',
    '  else',
    '    gren_pending_signals="$gren_pending_signals $1"',
    '  fi',
    '}',
    ...traps,
    '',
    `echo "gren: job \${SLURM_JOB_ID:-?} (restart \${SLURM_RESTART_COUNT:-0}) on $(hostname) at $(date -u '+%Y-%m-%dT%H:%M:%SZ')" >&2`,
    `cd -- ${shellQuote(input.workingDir, 'workingDir')} || { echo "gren: cannot enter the working directory" >&2; exit 1; }`,
    ...exportLines,
    `${command} &`,
    'gren_worker_pid=$!',
    'for gren_signal in $gren_pending_signals; do kill -s "$gren_signal" "$gren_worker_pid" 2>/dev/null; done',
    '',
    'gren_status=0',
    'while :; do',
    '  wait "$gren_worker_pid"',
    '  gren_status=$?',
    '  # A trapped signal makes wait return early with a status above 128: wait again while the worker lives.',
    '  if [ "$gren_status" -le 128 ] || ! kill -0 "$gren_worker_pid" 2>/dev/null; then break; fi',
    'done',
    'if [ "$gren_status" -gt 128 ]; then',
    '  # The worker may have exited just after the interruption: ask once more for its own status.',
    '  wait "$gren_worker_pid" 2>/dev/null',
    '  gren_retry=$?',
    '  if [ "$gren_retry" -ne 127 ]; then gren_status=$gren_retry; fi',
    'fi',
    'exit "$gren_status"',
    '',
  ].join('\n');
}

/** `4` → `4G`, `1.5` → `1536M` (whole megabytes, rounded up). */
export function formatMemory(memGb: number): string {
  return Number.isInteger(memGb) ? `${memGb}G` : `${Math.ceil(memGb * 1024)}M`;
}

function requireAbsolute(what: string, path: string): void {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw SlurmError.invalidScriptInput(what, path, 'must be an absolute path (resolve it with path.resolve first)');
  }
}

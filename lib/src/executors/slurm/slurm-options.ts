import { SlurmError } from './slurm-error';

/** A value for an extra `#SBATCH --key=value` line: `true` renders a bare flag, `false` omits it. */
export type SbatchParameterValue = string | number | boolean;

/**
 * How a SLURM job is requested; the names mirror submitit's `slurm_*` parameters in camelCase.
 * Every field is optional: unset fields are left to the cluster's defaults.
 */
export interface SlurmOptions {
  /** `--partition`. Default: the cluster's default partition. */
  partition?: string;
  /** `--time`, in whole minutes (submitit `timeout_min`). Default: the partition's limit. */
  timeMin?: number;
  /** `--cpus-per-task`. */
  cpusPerTask?: number;
  /** `--mem`, in GB (`4` → `4G`, `1.5` → `1536M`). */
  memGb?: number;
  /** `--gpus-per-node`; 0 renders nothing. */
  gpusPerNode?: number;
  /** `--account`. */
  account?: string;
  /** `--qos`. */
  qos?: string;
  /**
   * Extra `#SBATCH --key=value` lines. Keys are long option names; camelCase and snake_case
   * become kebab-case (`mailType` → `--mail-type`). Options gren manages (partition, time,
   * output, signal, requeue, …) are refused here: use the typed option instead.
   */
  additionalParameters?: Readonly<Record<string, SbatchParameterValue>>;
  /**
   * Seconds before the time limit at which SLURM sends SIGUSR2 to the batch shell
   * (`--signal=B:USR2@N`), which forwards it to the worker so it can checkpoint and requeue.
   * SLURM checks time limits periodically, so the signal may come up to ~30 s earlier than
   * asked. `null` sends no signal. Default 90, or half the time limit when `timeMin` is under
   * 2 minutes (a delay as long as the limit would signal the job as soon as it starts).
   */
  signalDelaySec?: number | null;
  /** `--job-name`. Default `gren`. */
  jobName?: string;
  /** `--requeue` (default) or `--no-requeue`: whether SLURM may requeue the job after preemption. */
  requeue?: boolean;
}

/** Options after validation, defaults filled in; `null` means "not set, use the cluster default". */
export interface ResolvedSlurmOptions {
  readonly partition: string | null;
  readonly timeMin: number | null;
  readonly cpusPerTask: number | null;
  readonly memGb: number | null;
  readonly gpusPerNode: number | null;
  readonly account: string | null;
  readonly qos: string | null;
  /** Normalized `[flag, value]` pairs in the caller's order; `true` is a bare flag. */
  readonly additionalParameters: ReadonlyArray<readonly [flag: string, value: string | true]>;
  readonly signalDelaySec: number | null;
  readonly jobName: string;
  readonly requeue: boolean;
}

export const DEFAULT_SIGNAL_DELAY_SEC = 90;
export const DEFAULT_JOB_NAME = 'gren';
/** The largest `@N` SLURM accepts in `--signal`. */
export const MAX_SIGNAL_DELAY_SEC = 65535;

const KNOWN_OPTIONS: readonly (keyof SlurmOptions)[] = [
  'partition',
  'timeMin',
  'cpusPerTask',
  'memGb',
  'gpusPerNode',
  'account',
  'qos',
  'additionalParameters',
  'signalDelaySec',
  'jobName',
  'requeue',
];

/** sbatch flags that gren renders itself, and what to use instead. */
const MANAGED_FLAGS: Readonly<Record<string, string>> = {
  partition: 'use the "partition" option',
  time: 'use the "timeMin" option',
  'cpus-per-task': 'use the "cpusPerTask" option',
  mem: 'use the "memGb" option',
  'gpus-per-node': 'use the "gpusPerNode" option',
  account: 'use the "account" option',
  qos: 'use the "qos" option',
  'job-name': 'use the "jobName" option',
  signal: 'use the "signalDelaySec" option',
  requeue: 'use the "requeue" option',
  'no-requeue': 'use the "requeue" option',
  output: "gren writes the job logs into the artifact's log folder",
  error: "gren writes the job logs into the artifact's log folder",
  'open-mode': 'gren appends to the logs so that they survive a requeue',
  array: 'gren submits one job per artifact',
  wrap: 'gren renders its own batch script',
  parsable: 'it is a command-line flag, not a batch directive',
};

/** Printable text without line breaks or other control characters. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const NAME_WITHOUT_SPACES = /^[^\s"'\\]+$/;
const PARAMETER_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Validates `options` and fills in defaults. Throws a `SlurmError` naming the first bad
 * option and how to fix it.
 */
export function resolveSlurmOptions(options: SlurmOptions = {}): ResolvedSlurmOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw SlurmError.invalidOption(
      '(options)',
      options,
      'pass a plain object such as { partition: "debug", timeMin: 60 }',
    );
  }
  for (const key of Object.keys(options)) {
    if (!(KNOWN_OPTIONS as readonly string[]).includes(key)) throw SlurmError.unknownOption(key, KNOWN_OPTIONS);
  }
  const timeMin = optionalInteger(options, 'timeMin', 1, 'a whole number of minutes, at least 1 (e.g. timeMin: 60)');
  const signalDelaySec = resolveSignalDelay(options.signalDelaySec, timeMin);
  return {
    partition: optionalName(options, 'partition'),
    timeMin,
    cpusPerTask: optionalInteger(options, 'cpusPerTask', 1, 'a whole number, at least 1'),
    memGb: optionalMemory(options.memGb),
    gpusPerNode: optionalInteger(options, 'gpusPerNode', 0, 'a whole number, at least 0'),
    account: optionalName(options, 'account'),
    qos: optionalName(options, 'qos'),
    additionalParameters: resolveAdditionalParameters(options.additionalParameters),
    signalDelaySec,
    jobName: resolveJobName(options.jobName),
    requeue: resolveRequeue(options.requeue),
  };
}

/** `mailType`, `mail_type` and `mail-type` all become `mail-type`. */
export function toSbatchFlag(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

function optionalInteger(
  options: SlurmOptions,
  name: 'timeMin' | 'cpusPerTask' | 'gpusPerNode',
  min: number,
  requirement: string,
): number | null {
  const value: unknown = options[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw SlurmError.invalidOption(name, value, `it must be ${requirement}`);
  }
  return value;
}

function optionalName(options: SlurmOptions, name: 'partition' | 'account' | 'qos'): string | null {
  const value: unknown = options[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !NAME_WITHOUT_SPACES.test(value)) {
    throw SlurmError.invalidOption(
      name,
      value,
      'it must be a non-empty name without spaces, quotes or backslashes (as `sinfo`/`sacctmgr` list them), or be left out',
    );
  }
  return value;
}

function optionalMemory(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw SlurmError.invalidOption('memGb', value, 'it must be a positive number of GB (e.g. memGb: 4 or 0.5)');
  }
  return value;
}

function resolveSignalDelay(value: unknown, timeMin: number | null): number | null {
  if (value === null) return null;
  if (value === undefined) {
    // The default must not make the signal arrive at once on a short job: cap it below the limit.
    if (timeMin !== null && DEFAULT_SIGNAL_DELAY_SEC >= timeMin * 60) return (timeMin * 60) / 2;
    return DEFAULT_SIGNAL_DELAY_SEC;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_SIGNAL_DELAY_SEC) {
    throw SlurmError.invalidOption(
      'signalDelaySec',
      value,
      `it must be a whole number of seconds from 1 to ${MAX_SIGNAL_DELAY_SEC}, or null for no pre-timeout signal`,
    );
  }
  if (timeMin !== null && value >= timeMin * 60) {
    throw SlurmError.invalidOption(
      'signalDelaySec',
      value,
      `it must be smaller than the time limit (timeMin ${timeMin} = ${timeMin * 60} s), otherwise SIGUSR2 ` +
        'arrives as soon as the job starts; lower signalDelaySec or raise timeMin',
    );
  }
  return value;
}

function resolveJobName(value: unknown): string {
  if (value === undefined || value === null) return DEFAULT_JOB_NAME;
  if (typeof value !== 'string' || value.trim() === '' || CONTROL_CHARACTERS.test(value)) {
    throw SlurmError.invalidOption(
      'jobName',
      value,
      'it must be a non-empty single line of text (e.g. jobName: "train-model")',
    );
  }
  return value;
}

function resolveRequeue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'boolean') throw SlurmError.invalidOption('requeue', value, 'it must be true or false');
  return value;
}

function resolveAdditionalParameters(value: unknown): ResolvedSlurmOptions['additionalParameters'] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw SlurmError.invalidOption(
      'additionalParameters',
      value,
      'it must be an object of sbatch long options, e.g. { constraint: "v100", exclusive: true }',
    );
  }
  const resolved: Array<readonly [string, string | true]> = [];
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const name = `additionalParameters.${key}`;
    if (!PARAMETER_KEY.test(key) || key.length < 2) {
      throw SlurmError.invalidOption(
        name,
        raw,
        'keys must be long sbatch option names without dashes in front (e.g. "constraint", "mailType"), not short forms like "C"',
      );
    }
    const flag = toSbatchFlag(key);
    const managed = MANAGED_FLAGS[flag];
    if (managed !== undefined) throw SlurmError.invalidOption(name, raw, `--${flag} is managed by gren: ${managed}`);
    if (raw === false) continue;
    if (raw === true) {
      resolved.push([flag, true]);
    } else if (typeof raw === 'number' && Number.isFinite(raw)) {
      resolved.push([flag, String(raw)]);
    } else if (typeof raw === 'string' && raw !== '' && !CONTROL_CHARACTERS.test(raw)) {
      resolved.push([flag, raw]);
    } else {
      throw SlurmError.invalidOption(
        name,
        raw,
        'values must be a non-empty single-line string, a finite number, or a boolean (true for a bare flag, false to omit it)',
      );
    }
  }
  return resolved;
}

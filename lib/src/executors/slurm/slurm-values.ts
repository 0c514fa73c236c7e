/**
 * Readers for the scalar formats SLURM prints: durations, exit codes, times, job ids and
 * state names. Each returns `undefined` when the text is not in that format, so the caller
 * can name the command in its error.
 */

/** `ExitCode=3:0` → `{ code: 3, signal: 0 }`. */
export interface SlurmExitCode {
  readonly code: number;
  readonly signal: number;
}

/** A job id as sbatch prints it: `123`, an array task `123_4`, a het component `123+0`. */
export const SLURM_JOB_ID = /^\d+(?:_\d+)?(?:\+\d+)?$/;

/** Words SLURM prints for "no limit" or "not known" in a duration field. */
const NO_DURATION = new Set(['UNLIMITED', 'INFINITE', 'N/A', 'NONE', 'PARTITION_LIMIT', 'UNKNOWN']);
/** Words SLURM prints for "no time" in a timestamp field. */
const NO_TIME = new Set(['UNKNOWN', 'NONE', 'N/A', '']);

export function isSlurmJobId(text: string): boolean {
  return SLURM_JOB_ID.test(text);
}

/**
 * Seconds in a SLURM duration: `MM`, `MM:SS`, `HH:MM:SS`, `D-HH`, `D-HH:MM`, `D-HH:MM:SS`
 * (the forms `--time` accepts and `RunTime`/`TimeLimit` print). `null` for UNLIMITED, N/A
 * and the like.
 */
export function parseSlurmDuration(text: string): number | null | undefined {
  const value = text.trim();
  if (NO_DURATION.has(value.toUpperCase())) return null;
  const withDays = /^(\d+)-(\d+)(?::(\d+))?(?::(\d+))?$/.exec(value);
  if (withDays) {
    const [, days, hours, minutes, seconds] = withDays;
    return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds ?? 0);
  }
  const parts = /^(\d+)(?::(\d+))?(?::(\d+))?$/.exec(value);
  if (!parts) return undefined;
  const [, first, second, third] = parts;
  if (third !== undefined) return (Number(first) * 60 + Number(second)) * 60 + Number(third);
  if (second !== undefined) return Number(first) * 60 + Number(second);
  return Number(first) * 60;
}

/** `3:0` → code 3, signal 0. */
export function parseSlurmExitCode(text: string): SlurmExitCode | undefined {
  const match = /^(\d+):(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  return { code: Number(match[1]), signal: Number(match[2]) };
}

/** A timestamp as printed (cluster-local time, no zone), or `null` for Unknown/None/N/A. */
export function parseSlurmTime(text: string): string | null {
  const value = text.trim();
  return NO_TIME.has(value.toUpperCase()) ? null : value;
}

/**
 * The state name alone, upper-case: `CANCELLED by 0` → `CANCELLED`, `CANCELLED+` (sacct's
 * truncation mark) → `CANCELLED`. `null` for empty text.
 */
export function normalizeSchedulerState(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const first = raw.trim().split(/\s+/)[0] ?? '';
  const state = first.replace(/\+$/, '').toUpperCase();
  return state === '' ? null : state;
}

/** SLURM writes `None` or `(null)` for "no reason". */
export function parseSlurmReason(text: string | undefined): string | null {
  if (text === undefined) return null;
  const value = text.trim();
  return value === '' || value === 'None' || value === '(null)' ? null : value;
}

import { SlurmError } from './slurm-error';

// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * One bash word that stands for exactly `value`: single quotes, with each `'` written as
 * `'\''`. Nothing inside is expanded (`$`, backticks, `\`, `!`, globs, spaces, newlines).
 * A NUL cannot be passed to a process at all, so it is refused.
 */
export function shellQuote(value: string, what = 'a shell word'): string {
  if (value.includes('\u0000'))
    throw SlurmError.invalidScriptInput(what, value, 'contains a NUL character, which no process argument can hold');
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The value of an `#SBATCH --flag=<value>` line. sbatch splits directive lines on blanks
 * unless they are inside double quotes, and inside those it reads `\x` as `x`; single quotes
 * are literal. So: double quotes, with `\` and `"` escaped. A directive is one line, so line
 * breaks and other control characters are refused.
 */
export function sbatchDirectiveValue(value: string, what = 'an #SBATCH value'): string {
  if (LINE_BREAK_OR_CONTROL.test(value)) {
    throw SlurmError.invalidScriptInput(
      what,
      value,
      'contains a line break or control character, which an #SBATCH line cannot hold',
    );
  }
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * A directory for `--output`/`--error` file patterns: `%` becomes `%%` so that only gren's
 * own `%j` is expanded. slurmd turns off all pattern expansion (and drops the backslash) when
 * the path holds a backslash, so such a directory is refused (seen on SLURM 22.05: the job
 * FAILED with "Could not open stdout file").
 */
export function sbatchFilenameDirectory(directory: string, what = 'the log folder'): string {
  if (directory.includes('\\')) {
    throw SlurmError.invalidScriptInput(
      what,
      directory,
      'contains a backslash, which makes slurmd ignore the %j pattern in --output/--error; choose a path without backslashes (e.g. another GREN_PATH)',
    );
  }
  return directory.replace(/%/g, '%%');
}

import { describeValue } from '../../errors/describe-value';
import { GrenError, type GrenErrorOptions } from '../../errors/gren-error';
import { suggestName } from '../../errors/suggest-name';

/**
 * Something about SLURM went wrong: an executor option is invalid, a batch script cannot be
 * rendered safely, or a scheduler command printed something we cannot read. The message
 * names the option, value or command, and says how to fix it.
 */
export class SlurmError extends GrenError {
  constructor(code: string, message: string, options: GrenErrorOptions = {}) {
    super(code, message, options);
  }

  static invalidOption(option: string, value: unknown, requirement: string): SlurmError {
    return new SlurmError(
      'SLURM_INVALID_OPTION',
      `SlurmExecutor option "${option}" = ${describeValue(value)} is invalid: ${requirement}.`,
    );
  }

  static unknownOption(option: string, known: readonly string[]): SlurmError {
    const suggestion = suggestName(option, known);
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    return new SlurmError(
      'SLURM_UNKNOWN_OPTION',
      `SlurmExecutor has no option "${option}".${hint} Known options: ${known.join(', ')}. ` +
        'Pass other sbatch flags through additionalParameters, e.g. { additionalParameters: { constraint: "v100" } }.',
    );
  }

  static invalidScriptInput(what: string, value: unknown, requirement: string): SlurmError {
    return new SlurmError(
      'SLURM_INVALID_SCRIPT_INPUT',
      `Cannot render the sbatch script: ${what} = ${describeValue(value)} ${requirement}.`,
    );
  }

  /** `command` is the command line as a person would type it, e.g. `sacct -n -P -X -j 12`. */
  static unreadableOutput(command: string, problem: string, output: string): SlurmError {
    const shown = output.length > 300 ? `${output.slice(0, 299)}…` : output;
    return new SlurmError(
      'SLURM_UNREADABLE_OUTPUT',
      `Cannot read the output of \`${command}\`: ${problem}. Output was: ${JSON.stringify(shown)}. ` +
        'Check that the command ran with the format gren expects (see scheduler-commands.ts) and that ' +
        'the SLURM client tools work (`sinfo`).',
    );
  }
}

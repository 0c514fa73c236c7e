import { GrenError, type GrenErrorOptions } from '../errors/gren-error';
import { EXIT_FAILED, EXIT_USAGE } from './exit-codes';

/** A `gren` command failed: `exitCode` is what the process exits with (see exit-codes.ts). */
export class GrenCliError extends GrenError {
  readonly exitCode: number;

  constructor(code: string, message: string, exitCode: number, options: GrenErrorOptions = {}) {
    super(code, message, options);
    this.exitCode = exitCode;
  }

  /** Wrong arguments or options (exit 2). */
  static usage(message: string): GrenCliError {
    return new GrenCliError('CLI_USAGE', message, EXIT_USAGE);
  }

  /** An artifact, module or class that does not exist (exit 1). */
  static notFound(message: string): GrenCliError {
    return new GrenCliError('CLI_NOT_FOUND', message, EXIT_FAILED);
  }

  /** The operation could not be carried out (exit 1). */
  static failed(message: string, cause?: unknown): GrenCliError {
    return new GrenCliError('CLI_FAILED', message, EXIT_FAILED, { cause });
  }
}

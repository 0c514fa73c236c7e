import { GrenError } from 'gren-ts';

/** Codes of the dashboard's own errors; the exception filter maps each to an HTTP status. */
export type DashboardErrorCode =
  | 'INVALID_PARAMETER'
  | 'EXPERIMENT_NOT_FOUND'
  | 'NOT_FOUND'
  | 'NOT_MODIFIED'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_CONTENT';

/** An error of the dashboard API. Messages are safe to show to clients (no paths, no stacks). */
export class DashboardError extends GrenError {
  declare readonly code: DashboardErrorCode;

  constructor(code: DashboardErrorCode, message: string) {
    super(code, message);
  }

  /** A query or path parameter with an unusable value; the message names the parameter. */
  static invalidParameter(name: string, problem: string): DashboardError {
    return new DashboardError('INVALID_PARAMETER', `Invalid ${name}: ${problem}`);
  }

  static experimentNotFound(): DashboardError {
    return new DashboardError('EXPERIMENT_NOT_FOUND', 'Experiment not found');
  }

  /** A file of an artifact beyond what the viewer reads. */
  static fileTooLarge(name: string, size: number, cap: number): DashboardError {
    return new DashboardError(
      'FILE_TOO_LARGE',
      `${name} is ${size} bytes; the viewer reads files of at most ${cap} bytes (open it on the machine holding the store)`,
    );
  }

  /** A file whose content is not what its name says (binary posing as text, an SVG with a script). */
  static unsupportedContent(name: string, problem: string): DashboardError {
    return new DashboardError('UNSUPPORTED_CONTENT', `${name} ${problem}`);
  }

  static notFound(): DashboardError {
    return new DashboardError('NOT_FOUND', 'Not found');
  }

  /** Not an error: the client's cached copy (If-None-Match) is still current. */
  static notModified(): DashboardError {
    return new DashboardError('NOT_MODIFIED', 'Not modified');
  }
}

import { GrenError } from 'gren-ts';

/** Codes of the dashboard's own errors; the exception filter maps each to an HTTP status. */
export type DashboardErrorCode = 'INVALID_PARAMETER' | 'EXPERIMENT_NOT_FOUND' | 'NOT_FOUND' | 'NOT_MODIFIED';

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

  static notFound(): DashboardError {
    return new DashboardError('NOT_FOUND', 'Not found');
  }

  /** Not an error: the client's cached copy (If-None-Match) is still current. */
  static notModified(): DashboardError {
    return new DashboardError('NOT_MODIFIED', 'Not modified');
  }
}

import { GrenError } from './gren-error';

/**
 * A computation failed, its result could not be loaded, or it could not be submitted.
 * `cause` is the original error (the one `_create` or `_load` threw), `statePath` the
 * artifact's state.json to look at.
 */
export class GrenComputeError extends GrenError {
  readonly statePath: string;

  constructor(message: string, statePath: string, cause?: unknown) {
    super('COMPUTE_FAILED', composeMessage(message, statePath, cause), { cause });
    this.statePath = statePath;
  }
}

function composeMessage(message: string, statePath: string, cause: unknown): string {
  const original = cause === undefined ? '' : `\n\nOriginal error: ${describeCause(cause)}`;
  return `${message}${original}\n\nState file: ${statePath}`;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}

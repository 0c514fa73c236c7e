/** Options every gren error accepts: the original error, when one is being wrapped. */
export interface GrenErrorOptions {
  cause?: unknown;
}

/**
 * Base class of every error gren throws. `code` is stable and machine-readable (the
 * dashboard maps codes to HTTP statuses); the message says what failed, where, and how to
 * fix it.
 */
export class GrenError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options: GrenErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
  }
}

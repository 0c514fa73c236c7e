import { GrenError } from './gren-error';

/** A config a failed computation went through: its namespace and hash. */
export interface ComputeConfigRef {
  readonly namespace: string;
  readonly hash: string;
}

/**
 * A computation failed, its result could not be loaded, or it could not be submitted.
 * `cause` is the original error (the one `_create` or `_load` threw), `statePath` the
 * artifact's state.json to look at.
 *
 * A failure of a dependency inside a parent's `_create` is folded into one error rather than
 * wrapped again: `configs` lists every config it went through (where it began first, then each
 * one that needed it), `cause` stays the original error, and the message says it all once.
 */
export class GrenComputeError extends GrenError {
  readonly statePath: string;
  // Private, so that console.error(error) does not list again what the message says.
  readonly #trail: { reason: string; configs: readonly ComputeConfigRef[]; failedStatePath: string };

  /**
   * `config` names the artifact this error is about. A `cause` that is itself a GrenComputeError
   * (a dependency failed) is folded in: its configs, its original error, its state file.
   */
  constructor(message: string, statePath: string, cause?: unknown, config?: ComputeConfigRef) {
    const inner = cause instanceof GrenComputeError ? cause : undefined;
    const here = config ? [{ namespace: config.namespace, hash: config.hash }] : [];
    const configs = inner ? [...inner.configs, ...here] : here;
    const original = inner ? inner.cause : cause;
    const failedStatePath = inner ? inner.failedStatePath : statePath;
    super('COMPUTE_FAILED', composeMessage(message, configs, original, failedStatePath), { cause: original });
    this.statePath = statePath;
    this.#trail = { reason: message, configs, failedStatePath };
  }

  /** What failed, in one line (the message's first line), e.g. `Computation failed: <original message>`. */
  get reason(): string {
    return this.#trail.reason;
  }

  /** The configs the failure went through: the one where it began first, then each one that needed it. */
  get configs(): readonly ComputeConfigRef[] {
    return this.#trail.configs;
  }

  /** The state file of the config where the failure began (holds its error and traceback). */
  get failedStatePath(): string {
    return this.#trail.failedStatePath;
  }

  /**
   * The state file says the computation ended `status` (failed, cancelled, ...) with the
   * recorded message (written by another process, or by an earlier attempt). A recorded
   * `Computation failed: ...` (a dependency's failure) is not prefixed again: its first line is used.
   */
  static fromRecord(
    status: string,
    recorded: string | null,
    statePath: string,
    config: ComputeConfigRef,
  ): GrenComputeError {
    const prefix = `Computation ${status}`;
    const reason = !recorded
      ? prefix
      : recorded.startsWith(`${prefix}:`)
        ? (recorded.split('\n')[0] ?? prefix)
        : `${prefix}: ${recorded}`;
    return new GrenComputeError(reason, statePath, undefined, config);
  }

  /** `_create` of `config` threw `error`: the user's own error, or a dependency's GrenComputeError. */
  static createFailed(error: unknown, statePath: string, config: ComputeConfigRef): GrenComputeError {
    const reason = error instanceof GrenComputeError ? error.reason : `Computation failed: ${messageOf(error)}`;
    return new GrenComputeError(reason, statePath, error, config);
  }
}

/** One line per config, indented: `in <namespace> <hash>`, then `needed by <namespace> <hash>`. */
export function configTrail(configs: readonly ComputeConfigRef[]): string {
  return configs
    .map((config, index) => `\n  ${index === 0 ? 'in' : 'needed by'} ${config.namespace} ${config.hash}`)
    .join('');
}

/** The reason, the configs (where it began first), the original error, and the state file to look at. */
function composeMessage(
  reason: string,
  configs: readonly ComputeConfigRef[],
  original: unknown,
  statePath: string,
): string {
  const originalLine = original === undefined ? '' : `\n\nOriginal error: ${describeCause(original)}`;
  return `${reason}${configTrail(configs)}${originalLine}\n\nState file: ${statePath}`;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

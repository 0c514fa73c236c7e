import { GrenError, type GrenErrorOptions } from './gren-error';

/** A file of an artifact's `.gren/` folder is unreadable, corrupt, or of a newer schema. */
export class GrenStateError extends GrenError {
  readonly file: string;

  constructor(code: string, message: string, file: string, options: GrenErrorOptions = {}) {
    super(code, message, options);
    this.file = file;
  }

  static invalidJson(file: string, cause: unknown): GrenStateError {
    return new GrenStateError(
      'STATE_INVALID_JSON',
      `Invalid JSON in state file: ${file} (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'gren leaves the file as it is; inspect it, then delete the artifact folder (or just the ' +
        '.gren/state.json) to recompute.',
      file,
      { cause },
    );
  }

  static notObject(file: string): GrenStateError {
    return new GrenStateError('STATE_NOT_OBJECT', `Invalid state file (expected object): ${file}`, file);
  }

  static unsupportedSchema(file: string, version: unknown): GrenStateError {
    return new GrenStateError(
      'STATE_UNSUPPORTED_SCHEMA',
      `Unsupported state schema_version ${describeVersion(version)} (expected 1): ${file}. ` +
        'It was written by another gren version; use that version or a newer gren to read it.',
      file,
    );
  }

  static invalidSchema(file: string, where: string, problem: string): GrenStateError {
    return new GrenStateError('STATE_INVALID_SCHEMA', `Invalid state schema: ${file}: ${where} ${problem}`, file);
  }

  static invalidFile(file: string, what: string, problem: string): GrenStateError {
    return new GrenStateError('STATE_INVALID_FILE', `Invalid ${what}: ${file}: ${problem}`, file);
  }

  static lockTimeout(file: string, waitedSec: number): GrenStateError {
    return new GrenStateError(
      'STATE_LOCK_TIMEOUT',
      `Timeout acquiring lock: ${file} (waited ${waitedSec.toFixed(1)}s). Another process holds it; if ` +
        'none does, delete the file.',
      file,
    );
  }

  static writeFailed(file: string, cause: unknown): GrenStateError {
    return new GrenStateError(
      'STATE_WRITE_FAILED',
      `Cannot write ${file}: ${cause instanceof Error ? cause.message : String(cause)}. The previous ` +
        'content is intact.',
      file,
      { cause },
    );
  }
}

/** schema_version as found, short: a scalar as JSON (at most 40 characters), else its kind. */
function describeVersion(version: unknown): string {
  if (Array.isArray(version)) return 'an array';
  if (typeof version === 'object' && version !== null) return 'an object';
  const text = JSON.stringify(version) ?? 'undefined';
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

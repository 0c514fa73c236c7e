import { describeValue } from './describe-value';
import { GrenError, type GrenErrorOptions } from './gren-error';
import { suggestName } from './suggest-name';

/** A config object cannot be built from the values it was given. */
export class GrenConfigError extends GrenError {
  readonly className: string;
  readonly field: string | undefined;

  constructor(code: string, message: string, className: string, field?: string, options: GrenErrorOptions = {}) {
    super(code, message, options);
    this.className = className;
    this.field = field;
  }

  static unknownField(className: string, key: string, known: readonly string[]): GrenConfigError {
    const suggestion = suggestName(key, known);
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    const list = known.length ? known.join(', ') : '(none)';
    return new GrenConfigError(
      'CONFIG_UNKNOWN_FIELD',
      `${className} has no field "${key}".${hint} Its fields are: ${list}.`,
      className,
      key,
    );
  }

  static missingField(className: string, key: string): GrenConfigError {
    return new GrenConfigError(
      'CONFIG_MISSING_FIELD',
      `${className}.${key} is required: pass it, as in new ${className}({ ${key}: ... }).`,
      className,
      key,
    );
  }

  static undefinedField(className: string, key: string): GrenConfigError {
    return new GrenConfigError(
      'CONFIG_UNDEFINED_FIELD',
      `${className}.${key} is undefined. Give it a default, pass a value, or use null for "no value" ` +
        '(undefined cannot be hashed). Use MISSING as the default to make it required.',
      className,
      key,
    );
  }

  static wrongType(className: string, key: string, value: unknown, expected: string): GrenConfigError {
    return new GrenConfigError(
      'CONFIG_WRONG_TYPE',
      `${className}.${key} must be ${expected}, got ${describeValue(value)}.`,
      className,
      key,
    );
  }

  static invalidValue(className: string, key: string, value: unknown, constraints: readonly string[]): GrenConfigError {
    return new GrenConfigError(
      'CONFIG_INVALID_VALUE',
      `${className}.${key} = ${describeValue(value)} is invalid: ${constraints.join('; ')}.`,
      className,
      key,
    );
  }

  static initNotObject(className: string, init: unknown): GrenConfigError {
    return new GrenConfigError(
      'CONFIG_INIT_NOT_OBJECT',
      `new ${className}(...) takes one plain object of field values, got ${describeValue(init)}.`,
      className,
    );
  }
}

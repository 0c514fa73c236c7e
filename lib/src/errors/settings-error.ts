import { GrenError } from './gren-error';

/** A GREN_* environment variable (or a GREN_CONFIG attribute) has a value gren cannot use. */
export class GrenSettingsError extends GrenError {
  static invalidVariable(variable: string, value: string, expected: string): GrenSettingsError {
    return new GrenSettingsError(
      'SETTINGS_INVALID_VARIABLE',
      `${variable}=${JSON.stringify(value)} is invalid: expected ${expected}. Fix or unset ${variable} ` +
        '(in the environment or in .env).',
    );
  }

  static unreadableEnvFile(path: string, cause: unknown): GrenSettingsError {
    return new GrenSettingsError(
      'SETTINGS_ENV_FILE',
      `Cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}. Fix the file or remove it.`,
      { cause },
    );
  }
}

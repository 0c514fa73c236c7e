import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEnv } from 'node:util';
import { GrenSettingsError } from '../errors/settings-error';

/**
 * Reads `.env` from the working directory (or `file`) into process.env with Node's own
 * parser; variables already set win. Returns whether a file was read. Called before
 * GREN_CONFIG is built, so GREN_* values in .env take effect.
 *
 * The values are assigned to the `process.env` object in scope rather than through
 * `process.loadEnvFile`, which writes to the process's native environment: under jest (or
 * any vm sandbox) `process.env` is a copy, and loaded values would never be seen.
 */
export function loadEnv(file: string = path.resolve(process.cwd(), '.env')): boolean {
  if (!fs.existsSync(file)) return false;
  let values: NodeJS.Dict<string>;
  try {
    values = parseEnv(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw GrenSettingsError.unreadableEnvFile(file, error);
  }
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && process.env[name] === undefined) process.env[name] = value;
  }
  return true;
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenSettingsError } from '../errors/settings-error';

/**
 * Reads `.env` from the working directory (or `file`) into process.env with Node's own
 * loader; variables already set win. Returns whether a file was read. Called before
 * GREN_CONFIG is built, so GREN_* values in .env take effect (fixes B6).
 */
export function loadEnv(file: string = path.resolve(process.cwd(), '.env')): boolean {
  if (!fs.existsSync(file)) return false;
  try {
    process.loadEnvFile(file);
  } catch (error) {
    throw GrenSettingsError.unreadableEnvFile(file, error);
  }
  return true;
}

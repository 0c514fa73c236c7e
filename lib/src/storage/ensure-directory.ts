import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenStateError } from '../errors/state-error';

/**
 * Creates an artifact's folders (`<artifact>/.gren`); a read-only or full store fails naming
 * the folder. Usually the artifact folder is new and its namespace folder is there: two
 * mkdir calls, where a recursive mkdir would first try the inner one and fail.
 */
export function ensureDirectory(directory: string): void {
  try {
    if (!makeBoth(directory)) fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw GrenStateError.writeFailed(directory, error);
  }
}

/** Makes the folder and its parent when only the parent's parent exists; false otherwise. */
function makeBoth(directory: string): boolean {
  try {
    fs.mkdirSync(path.dirname(directory));
    fs.mkdirSync(directory);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw error;
  }
}

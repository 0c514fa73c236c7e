import * as fs from 'node:fs';
import { GrenStateError } from '../errors/state-error';

/** Creates an artifact's folders; a read-only or full store fails naming the folder. */
export function ensureDirectory(directory: string): void {
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw GrenStateError.writeFailed(directory, error);
  }
}

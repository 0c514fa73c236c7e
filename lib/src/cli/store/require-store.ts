import * as fs from 'node:fs';
import { GrenCliError } from '../cli-error';

/** Fails (exit 1) when `base` is not a directory: a mistyped --root or GREN_PATH. */
export function requireStore(base: string): void {
  let isDirectory = false;
  try {
    isDirectory = fs.statSync(base).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) throw GrenCliError.notFound(`No gren store at ${base}. Pass --root <path> or set GREN_PATH.`);
}

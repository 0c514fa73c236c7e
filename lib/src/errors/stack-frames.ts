import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** gren's own package folder: lib/ in its repository, node_modules/gren-ts when installed. */
const GREN_PACKAGE = path.resolve(__dirname, '..', '..');

/**
 * Whether a stack line (`    at fn (file:line:col)`) is in the caller's own code: a file that is
 * not part of gren, of Node.js (`node:`), or of an installed package (node_modules).
 */
export function isCallerFrame(line: string): boolean {
  const file = frameFile(line);
  if (file === null || file.startsWith('node:')) return false;
  const absolute = file.startsWith('file://') ? fileURLToPath(file) : file;
  if (!path.isAbsolute(absolute)) return false;
  if (absolute.split(path.sep).includes('node_modules')) return false;
  return !absolute.startsWith(GREN_PACKAGE + path.sep);
}

/** The file of a stack line, or null for frames without one (`<anonymous>`, `native`, `index 0`). */
function frameFile(line: string): string | null {
  const match = /\((.+):\d+:\d+\)$/.exec(line.trim()) ?? /^at (?:async )?(.+):\d+:\d+$/.exec(line.trim());
  return match?.[1] ?? null;
}

import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file in an artifact's folder whose top-level scalars become `result.<key>` columns. */
export const RESULT_FILE = 'metrics.json';
/** Larger result files are not read (a result file holds a few scalars, not data). */
export const RESULT_FILE_MAX_BYTES = 256 * 1024;
const MAX_KEYS = 500;
const MAX_STRING_LENGTH = 1000;

export type ResultScalar = string | number | boolean;

/**
 * The top-level numbers, strings (at most 1,000 characters) and booleans of the artifact's
 * result file; nested values are left out. An empty object when the file is missing, is a
 * symlink or not a regular file, is larger than the cap, or is not a JSON object.
 */
export function readResultScalars(directory: string): Readonly<Record<string, ResultScalar>> {
  const text = readCapped(path.join(directory, RESULT_FILE));
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const scalars: Record<string, ResultScalar> = {};
  let kept = 0;
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (kept >= MAX_KEYS) break;
    if (typeof value === 'number' || typeof value === 'boolean') scalars[key] = value;
    else if (typeof value === 'string' && value.length <= MAX_STRING_LENGTH) scalars[key] = value;
    else continue;
    kept += 1;
  }
  return scalars;
}

/** The file's text, without following a symlink or blocking on a FIFO; undefined when unusable. */
function readCapped(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile() || stats.size > RESULT_FILE_MAX_BYTES) return undefined;
    const buffer = Buffer.alloc(stats.size);
    const length = fs.readSync(fd, buffer, 0, stats.size, 0);
    return buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

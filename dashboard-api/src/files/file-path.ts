import { DashboardError } from '../common/errors/dashboard-error';

const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENTS = 32;

/**
 * The `path` query parameter of the file routes, as the segments of a path inside the artifact
 * directory. Only plain relative paths pass: no absolute path, no `.` or `..` segment, no empty
 * segment, no backslash or NUL byte, and nothing under `.gren/` (gren's own files have routes
 * of their own). Symbolic links are refused when the file is opened.
 */
export function parseFilePath(raw: unknown): string[] {
  if (typeof raw !== 'string' || raw.length === 0) throw invalid('give the file as path=<relative path>, once');
  if (raw.length > MAX_PATH_LENGTH) throw invalid(`at most ${MAX_PATH_LENGTH} characters`);
  if (/[\\\0]/.test(raw)) throw invalid('backslashes and NUL bytes are not allowed');
  if (raw.startsWith('/')) throw invalid('expected a path relative to the artifact directory');
  const segments = raw.split('/');
  if (segments.length > MAX_SEGMENTS) throw invalid(`at most ${MAX_SEGMENTS} folders deep`);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
    throw invalid('expected a plain relative path (no empty, "." or ".." parts)');
  if (segments[0] === '.gren') throw invalid('the files of .gren/ are not served here');
  return segments;
}

function invalid(problem: string): DashboardError {
  return DashboardError.invalidParameter('path', problem);
}

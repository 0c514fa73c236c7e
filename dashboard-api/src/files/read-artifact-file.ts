import * as fs from 'node:fs';
import * as path from 'node:path';
import { DashboardError } from '../common/errors/dashboard-error';

export interface ArtifactFileBytes {
  bytes: Buffer;
  size: number;
  modifiedAt: string;
}

/**
 * Reads `segments` (from parseFilePath) under an artifact directory without ever leaving it:
 * every folder on the way must be a real folder (no symbolic link), the file itself is opened
 * with O_NOFOLLOW and must be a regular file of at most `cap` bytes, and its resolved path must
 * still lie inside the directory (a folder swapped for a link meanwhile is caught there).
 */
export function readArtifactFile(directory: string, segments: readonly string[], cap: number): ArtifactFileBytes {
  const name = segments.join('/');
  let folder = directory;
  for (const segment of segments.slice(0, -1)) {
    folder = path.join(folder, segment);
    const stats = lstatOrUndefined(folder);
    if (!stats) throw DashboardError.notFound();
    if (stats.isSymbolicLink()) throw linkRefused(name);
    if (!stats.isDirectory()) throw DashboardError.notFound();
  }
  const file = path.join(folder, segments[segments.length - 1] as string);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw linkRefused(name);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw DashboardError.notFound();
    throw error;
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw DashboardError.invalidParameter('path', `${name} is not a regular file`);
    if (!isInside(fs.realpathSync(directory), fs.realpathSync(file))) throw linkRefused(name);
    if (stats.size > cap) throw DashboardError.fileTooLarge(name, stats.size, cap);
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const count = fs.readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return { bytes: bytes.subarray(0, read), size: stats.size, modifiedAt: stats.mtime.toISOString() };
  } finally {
    fs.closeSync(fd);
  }
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

function isInside(directory: string, file: string): boolean {
  return file.startsWith(directory + path.sep);
}

function linkRefused(name: string): DashboardError {
  return DashboardError.invalidParameter('path', `${name} goes through a symbolic link; links are not followed`);
}

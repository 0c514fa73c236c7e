import * as fs from 'node:fs';

/**
 * Removes `file` if it is there, for files that usually are not (an old success marker or
 * result link before a create): a missing file costs one access check, not a thrown ENOENT
 * (~2 µs against ~5.5 µs). A file removed meanwhile by another process is fine too.
 */
export function removeUsuallyAbsentFile(file: string): void {
  if (!fs.existsSync(file)) return;
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenStateError } from '../errors/state-error';

/**
 * Replaces `file` with `text` atomically: write a temp file beside it, fsync, rename. A
 * failure (full disk, read-only store) removes the temp file and leaves the old content
 * intact.
 */
export function writeFileAtomic(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'w', 0o644);
    writeAll(fd, Buffer.from(text, 'utf8'));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw GrenStateError.writeFailed(file, error);
  }
}

/**
 * Writes every byte. One write(2) may write only part of a buffer — on a nearly full disk it
 * writes what fits and returns the count — and a temp file renamed after such a short write
 * would replace a good file with a truncated one. The write after a short one reports the
 * real error (ENOSPC).
 */
function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** Appends one line in a single write (atomic for small writes on local filesystems). */
export function appendLine(file: string, line: string): void {
  try {
    fs.appendFileSync(file, `${line}\n`);
  } catch (error) {
    throw GrenStateError.writeFailed(file, error);
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenStateError } from '../errors/state-error';

export interface AtomicWriteOptions {
  /**
   * fsync before the rename (default true), so the new content survives a power cut. Files
   * nothing depends on for correctness (metadata) skip it: the fsync is most of a create.
   */
  durable?: boolean;
}

/**
 * Replaces `file` with `text` atomically: write a temp file beside it, fsync, rename. A
 * failure (full disk, read-only store) removes the temp file and leaves the old content
 * intact.
 */
export function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions = {}): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'w', 0o644);
    writeAll(fd, Buffer.from(text, 'utf8'));
    if (options.durable !== false) fs.fsyncSync(fd);
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

/**
 * Appends one line. A write cut short (full disk) is undone by truncating back to the old
 * length, so a torn line never merges with the next event.
 */
export function appendLine(file: string, line: string): void {
  let fd: number | undefined;
  let length = 0;
  try {
    fd = fs.openSync(file, 'a', 0o644);
    length = fs.fstatSync(fd).size;
    writeAll(fd, Buffer.from(`${line}\n`, 'utf8'));
    fs.closeSync(fd);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.ftruncateSync(fd, length);
      } catch {
        // The line may stay torn; readers skip lines that are not whole JSON objects.
      }
      fs.closeSync(fd);
    }
    throw GrenStateError.writeFailed(file, error);
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenStateError } from '../errors/state-error';

export interface AtomicWriteOptions {
  /**
   * fsync before the rename (default true), so the new content survives a power cut. Files
   * nothing depends on for correctness (metadata) skip it: the fsync is most of a create.
   */
  durable?: boolean;
  /**
   * Also fsync the folder once after the renames (default false), so the renames themselves
   * survive a power cut, not only the contents they point at. For records reported as done.
   */
  durableRename?: boolean;
}

/**
 * Replaces `file` with `text` atomically: write a temp file beside it, fsync, rename. A
 * failure (full disk, read-only store) removes the temp file and leaves the old content
 * intact.
 */
export function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions = {}): void {
  writeFilesAtomic([{ file, text }], options);
}

export interface FileContent {
  file: string;
  text: string;
}

/**
 * Replaces each file atomically, in the given order, as one batch: every temp file is written
 * and then fsynced (unless not durable), renamed in order (a reader, or a crash, sees file N
 * replaced only after files before it), then, with durableRename, each folder holding them is
 * fsynced once. A failure before the renames removes every temp file and leaves all
 * old contents intact.
 */
export function writeFilesAtomic(files: readonly FileContent[], options: AtomicWriteOptions = {}): void {
  const durable = options.durable !== false;
  const temps = files.map(({ file }) => tempPathFor(file));
  writeTemps(files, temps, durable);
  files.forEach(({ file }, index) => {
    try {
      fs.renameSync(temps[index] as string, file);
    } catch (error) {
      for (const temp of temps.slice(index)) fs.rmSync(temp, { force: true });
      throw GrenStateError.writeFailed(file, error);
    }
  });
  if (durable && options.durableRename === true)
    for (const folder of new Set(files.map(({ file }) => path.dirname(file)))) fsyncFolder(folder);
}

function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/** Writes every temp file, then fsyncs them all; on failure none is left behind. */
function writeTemps(files: readonly FileContent[], temps: readonly string[], durable: boolean): void {
  const fds: number[] = [];
  let failed: string | undefined;
  try {
    files.forEach(({ file, text }, index) => {
      failed = file;
      fds.push(fs.openSync(temps[index] as string, 'w', 0o644));
      writeAll(fds[index] as number, Buffer.from(text, 'utf8'));
    });
    if (durable)
      files.forEach(({ file }, index) => {
        failed = file;
        fs.fsyncSync(fds[index] as number);
      });
  } catch (error) {
    for (const fd of fds) fs.closeSync(fd);
    for (const temp of temps) fs.rmSync(temp, { force: true });
    throw GrenStateError.writeFailed(failed ?? '', error);
  }
  for (const fd of fds) fs.closeSync(fd);
}

/** Folders cannot be fsynced on every system (EISDIR, EINVAL, EPERM on some network mounts); there the rename is as durable as the mount makes it. */
function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // See above: best effort where the filesystem refuses.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes every byte. One write(2) may write only part of a buffer — on a nearly full disk it
 * writes what fits and returns the count — and a temp file renamed after such a short write
 * would replace a good file with a truncated one. The write after a short one reports the
 * real error (ENOSPC).
 */
function writeAll(fd: number, bytes: Buffer, progress = { written: 0 }): void {
  while (progress.written < bytes.length) {
    const count = fs.writeSync(fd, bytes, progress.written, bytes.length - progress.written);
    if (count <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    progress.written += count;
  }
}

/**
 * Appends one line. A write cut short (full disk) is undone by truncating off the bytes it
 * wrote, so a torn line never merges with the next event. The file's length is looked up
 * only then: the usual append costs no stat.
 */
export function appendLine(file: string, line: string): void {
  let fd: number | undefined;
  const progress = { written: 0 };
  try {
    fd = fs.openSync(file, 'a', 0o644);
    writeAll(fd, Buffer.from(`${line}\n`, 'utf8'), progress);
    fs.closeSync(fd);
  } catch (error) {
    if (fd !== undefined) {
      try {
        if (progress.written > 0) fs.ftruncateSync(fd, fs.fstatSync(fd).size - progress.written);
      } catch {
        // The line may stay torn; readers skip lines that are not whole JSON objects.
      }
      fs.closeSync(fd);
    }
    throw GrenStateError.writeFailed(file, error);
  }
}

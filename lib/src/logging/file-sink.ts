import * as fs from 'node:fs';
import * as path from 'node:path';
import { isoSeconds } from '../storage/iso-time';
import type { LogRecord } from './log-record';

/** A log kept open while an attempt runs: its append descriptor, opened on the first line. */
interface HeldLog {
  fd: number | undefined;
  holds: number;
}

/**
 * Appends records to `<dir>/gren.log`. A log that cannot be written (read-only store, full
 * disk) never fails the computation: the problem is reported once on stderr.
 *
 * Each line is written at once, unbuffered, so a crash loses none. A log held open (while
 * an attempt runs) reuses one append descriptor instead of opening the file per line.
 */
export class FileSink {
  private readonly createdDirs = new Set<string>();
  private readonly held = new Map<string, HeldLog>();
  private warned = false;

  emit(record: LogRecord, logDir: string): void {
    const location = record.location ? `${path.basename(record.location.file)}:${record.location.line}` : '-:0';
    this.append(
      logDir,
      `${isoSeconds(record.time)} [${record.level}] ${record.logger} ${location} ${record.message}\n`,
    );
  }

  /** Writes a raw line such as the `------------------` separator. */
  raw(line: string, logDir: string): void {
    this.append(logDir, `${line}\n`);
  }

  /** Keeps `<logDir>/gren.log` open until the returned function is called (nested holds count). */
  hold(logDir: string): () => void {
    const held = this.held.get(logDir) ?? { fd: undefined, holds: 0 };
    held.holds += 1;
    this.held.set(logDir, held);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held.holds -= 1;
      if (held.holds > 0) return;
      this.held.delete(logDir);
      if (held.fd !== undefined) this.guarded(logDir, () => fs.closeSync(held.fd as number));
    };
  }

  private append(logDir: string, text: string): void {
    this.guarded(logDir, () => {
      const file = path.join(logDir, 'gren.log');
      const held = this.held.get(logDir);
      if (held !== undefined) {
        held.fd ??= this.open(logDir, file);
        return writeAll(held.fd, text);
      }
      const fd = this.open(logDir, file);
      try {
        writeAll(fd, text);
      } finally {
        fs.closeSync(fd);
      }
    });
  }

  /** Opens the log for appending; its folder is made the first time, and only when missing. */
  private open(logDir: string, file: string): number {
    if (this.createdDirs.has(logDir)) return fs.openSync(file, 'a');
    let fd: number;
    try {
      fd = fs.openSync(file, 'a');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      fs.mkdirSync(logDir, { recursive: true });
      fd = fs.openSync(file, 'a');
    }
    this.createdDirs.add(logDir);
    return fd;
  }

  private guarded(logDir: string, write: () => void): void {
    try {
      write();
    } catch (error) {
      if (!this.warned) {
        this.warned = true;
        process.stderr.write(
          `gren: cannot write the log in ${logDir}: ${(error as Error).message} (further log write errors are not shown)\n`,
        );
      }
    }
  }
}

/** Writes the whole text (a write to a regular file may be partial, like a full disk's). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isoSeconds } from '../storage/iso-time';
import type { LogRecord } from './log-record';

/**
 * Appends records to `<dir>/gren.log`. A log that cannot be written (read-only store, full
 * disk) never fails the computation: the problem is reported once on stderr.
 */
export class FileSink {
  private readonly createdDirs = new Set<string>();
  private warned = false;

  emit(record: LogRecord, logDir: string): void {
    const location = record.location ? `${path.basename(record.location.file)}:${record.location.line}` : '-:0';
    this.append(logDir, `${isoSeconds(record.time)} [${record.level}] ${record.logger} ${location} ${record.message}\n`);
  }

  /** Writes a raw line such as the `------------------` separator. */
  raw(line: string, logDir: string): void {
    this.append(logDir, `${line}\n`);
  }

  private append(logDir: string, text: string): void {
    try {
      if (!this.createdDirs.has(logDir)) {
        fs.mkdirSync(logDir, { recursive: true });
        this.createdDirs.add(logDir);
      }
      fs.appendFileSync(path.join(logDir, 'gren.log'), text);
    } catch (error) {
      if (!this.warned) {
        this.warned = true;
        process.stderr.write(`gren: cannot write the log in ${logDir}: ${(error as Error).message} (further log write errors are not shown)\n`);
      }
    }
  }
}

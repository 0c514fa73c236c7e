import * as path from 'node:path';
import { GREN_CONFIG } from '../settings/gren-config';
import type { LogLevelName } from '../settings/gren-settings';
import { ConsoleSink } from './console-sink';
import { FileSink } from './file-sink';
import { currentHolder } from './log-context';
import { LEVEL_VALUES } from './log-levels';
import type { LogRecord } from './log-record';

export interface LoggingOptions {
  /** Console level; the artifact logs always receive DEBUG and up. Default: GREN_LOG_LEVEL. */
  level?: LogLevelName;
  /** Where console lines go (default stderr). */
  write?: (line: string) => void;
  /** Colour the console (default: on terminals, unless NO_COLOR). */
  color?: boolean;
}

/**
 * Routes records: to the console at or above the console level, and to the log file of the
 * artifact computing in this async context (or of `record.artifactDir`), else to
 * `<GREN_PATH>/gren.log`.
 */
export class LogDispatcher {
  private consoleSink: ConsoleSink;
  private readonly fileSink = new FileSink();
  private levelOverride: LogLevelName | undefined;

  constructor(options: LoggingOptions = {}) {
    this.consoleSink = new ConsoleSink(options.write, options.color);
    this.levelOverride = options.level;
  }

  configure(options: LoggingOptions): void {
    this.consoleSink = new ConsoleSink(options.write, options.color);
    this.levelOverride = options.level;
  }

  get consoleLevel(): LogLevelName {
    return this.levelOverride ?? GREN_CONFIG.logLevel;
  }

  /** Whether a console-only record of this level would be shown (lets hot paths skip work). */
  consoleEnabled(level: LogLevelName): boolean {
    return LEVEL_VALUES[level] >= LEVEL_VALUES[this.consoleLevel];
  }

  emit(record: LogRecord): void {
    if (!record.fileOnly && this.consoleEnabled(record.level)) this.consoleSink.emit(record);
    if (!record.consoleOnly) this.fileSink.emit(record, this.logDir(record.artifactDir));
  }

  separator(artifactDir?: string): void {
    this.fileSink.raw('------------------', this.logDir(artifactDir));
  }

  /**
   * Keeps the artifact's gren.log open for appends until the returned function is called:
   * an attempt writes several lines, and one descriptor saves an open and close per line.
   */
  holdArtifactLog(artifactDir: string): () => void {
    return this.fileSink.hold(this.logDir(artifactDir));
  }

  /** The folder whose gren.log receives records now. */
  logDir(artifactDir?: string): string {
    const holder = artifactDir ?? currentHolder();
    return holder ? path.join(holder, '.gren') : GREN_CONFIG.basePath;
  }
}

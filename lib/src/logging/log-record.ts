import type { LogLevelName } from '../settings/gren-settings';
import type { SourceLocation } from './source-location';

/** What a decision of loadOrCreate was; colours its console line. */
export type DecisionColor = 'load' | 'wait' | 'create';

export interface LogRecord {
  readonly level: LogLevelName;
  readonly logger: string;
  readonly message: string;
  readonly time: Date;
  /** Where the record is attributed: the caller's file and line. */
  readonly location: SourceLocation | undefined;
  /** The console shows this text instead of `message` (the file keeps the full text). */
  readonly consoleMessage?: string;
  readonly consoleOnly?: boolean;
  readonly fileOnly?: boolean;
  readonly decision?: DecisionColor;
  /** Write to this artifact directory's log instead of the current holder's. */
  readonly artifactDir?: string;
}

import * as path from 'node:path';
import type { LogLevelName } from '../settings/gren-settings';
import type { DecisionColor, LogRecord } from './log-record';
import { LEVEL_VALUES } from './log-levels';

const COLORS = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35 } as const;
const DECISION_COLOR: Readonly<Record<DecisionColor, keyof typeof COLORS>> = {
  load: 'green',
  wait: 'yellow',
  create: 'blue',
};
const PREFIX = 'load_or_create';

/** stderr lines `HH:MM:SS [file:line] message` (UTC), coloured on terminals. */
export class ConsoleSink {
  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(line),
    private readonly color: boolean = shouldColor(),
  ) {}

  emit(record: LogRecord): void {
    const time = record.time.toISOString().slice(11, 19);
    const location = record.location ? `${path.basename(record.location.file)}:${record.location.line}` : 'gren';
    let message = record.consoleMessage ?? record.message;
    if (this.color && record.decision && message.startsWith(PREFIX)) {
      message = paint(PREFIX, DECISION_COLOR[record.decision]) + message.slice(PREFIX.length);
    }
    const stamp = this.color ? `\u001b[2m${time}\u001b[0m` : time;
    const where = this.color ? paint(`[${location}]`, levelColor(record.level)) : `[${location}]`;
    this.write(`${stamp} ${where} ${message}\n`);
  }
}

function levelColor(level: LogLevelName): keyof typeof COLORS {
  const value = LEVEL_VALUES[level];
  if (value >= LEVEL_VALUES.ERROR) return 'red';
  if (value >= LEVEL_VALUES.WARNING) return 'yellow';
  if (value >= LEVEL_VALUES.INFO) return 'blue';
  return 'magenta';
}

function paint(text: string, color: keyof typeof COLORS): string {
  return `\u001b[${COLORS[color]}m${text}\u001b[0m`;
}

function shouldColor(): boolean {
  if (process.env.NO_COLOR !== undefined) return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stderr.isTTY === true;
}

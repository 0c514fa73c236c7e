import type { LogDispatcher, LoggingOptions } from './log-dispatcher';
import { LogDispatcher as Dispatcher } from './log-dispatcher';
import { parseLevel } from './log-levels';
import type { LogRecord } from './log-record';
import type { LogSite } from './log-site';
import { logCallLocation } from './source-location';

let dispatcher: LogDispatcher | undefined;

/** The process-wide dispatcher, created on first use. */
export function logDispatcher(): LogDispatcher {
  dispatcher ??= new Dispatcher();
  return dispatcher;
}

/**
 * Sets up gren's console output (level, colour, destination). Idempotent: calling it again
 * replaces the settings instead of adding a second handler.
 */
export function configureLogging(options: LoggingOptions = {}): void {
  logDispatcher().configure(options);
}

type Extra = Partial<
  Pick<LogRecord, 'consoleMessage' | 'consoleOnly' | 'fileOnly' | 'decision' | 'artifactDir' | 'location'>
> & {
  /** A hot call site whose location is captured once (see LogSite). */
  site?: LogSite;
};

/**
 * A named logger. Records go to the console (at or above GREN_LOG_LEVEL) and, DEBUG and up,
 * to the log file of the artifact being computed in the current async context.
 */
export class GrenLogger {
  constructor(readonly name: string) {}

  debug(message: string, extra?: Extra): void {
    this.log('DEBUG', message, extra);
  }

  info(message: string, extra?: Extra): void {
    this.log('INFO', message, extra);
  }

  warning(message: string, extra?: Extra): void {
    this.log('WARNING', message, extra);
  }

  warn(message: string, extra?: Extra): void {
    this.log('WARNING', message, extra);
  }

  error(message: string, extra?: Extra): void {
    this.log('ERROR', message, extra);
  }

  critical(message: string, extra?: Extra): void {
    this.log('CRITICAL', message, extra);
  }

  log(level: string, message: string, extra: Extra = {}): void {
    const parsed = parseLevel(level);
    if (!parsed) throw new RangeError(`Unknown log level: '${level}'. Use DEBUG, INFO, WARNING, ERROR or CRITICAL.`);
    const target = logDispatcher();
    if (extra.consoleOnly && !target.consoleEnabled(parsed)) return;
    const { site, ...fields } = extra;
    target.emit({
      level: parsed,
      logger: this.name,
      message,
      time: new Date(),
      location: fields.location ?? site?.locate() ?? logCallLocation(),
      ...fields,
    });
  }
}

const loggers = new Map<string, GrenLogger>();

/** The `gren` logger, or a named one for your own code (`getLogger('my_project')`). */
export function getLogger(name = 'gren'): GrenLogger {
  let logger = loggers.get(name);
  if (!logger) {
    logger = new GrenLogger(name);
    loggers.set(name, logger);
  }
  return logger;
}

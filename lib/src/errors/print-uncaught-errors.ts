import { GREN_CONFIG } from '../settings/gren-config';
import { installUncaughtErrorPrinter } from './uncaught-handler';

/**
 * Opt-in: prints uncaught gren errors readably unless GREN_RICH_UNCAUGHT_TRACEBACKS=0
 * (the Python gren does this on import; gren-ts leaves the host process alone until asked).
 */
export function printUncaughtGrenErrors(): void {
  installUncaughtErrorPrinter(GREN_CONFIG.richUncaughtTracebacks);
}

import { GrenError } from './gren-error';
import { renderError } from './render-error';

let installed = false;

/**
 * Prints uncaught gren errors readably (code, message, the chain of causes with their
 * stacks) instead of Node's raw dump, then exits with code 1. Installed when gren is loaded
 * unless GREN_RICH_UNCAUGHT_TRACEBACKS=0, and only when the application has no handler of
 * its own. Other errors print as Node prints them.
 */
export function installUncaughtErrorPrinter(enabled: boolean): void {
  if (!enabled || installed || process.listenerCount('uncaughtException') > 0) return;
  installed = true;
  process.on('uncaughtException', (error: unknown) => {
    const text = error instanceof GrenError ? `\n${renderError(error)}\n` : `${error instanceof Error ? (error.stack ?? String(error)) : String(error)}\n`;
    process.stderr.write(text);
    process.exit(1);
  });
}

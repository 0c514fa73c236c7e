import { inspect } from 'node:util';
import { GrenError } from './gren-error';
import { renderError } from './render-error';

let installed = false;

/**
 * Prints uncaught gren errors readably (code, message, the chain of causes with their
 * stacks) instead of Node's raw dump. Installed only on request (the `gren` and
 * `gren-worker` commands ask for it; importing gren installs nothing). It does not change
 * whether or how the process exits: alone, it exits with code 1 as Node does for an uncaught
 * error; when the application has its own handler, that handler decides. Other errors print
 * as Node prints them. Not installed under --abort-on-uncaught-exception, whose core dump
 * a handler would prevent.
 */
export function installUncaughtErrorPrinter(enabled: boolean): void {
  if (!enabled || installed || abortsOnUncaught()) return;
  installed = true;
  process.on('uncaughtException', printUncaught);
}

function printUncaught(error: unknown): void {
  process.stderr.write(error instanceof GrenError ? `\n${renderError(error)}\n` : `${inspect(error)}\n`);
  if (process.listenerCount('uncaughtException') === 1) process.exit(1);
}

function abortsOnUncaught(): boolean {
  const flag = '--abort-on-uncaught-exception';
  return process.execArgv.includes(flag) || (process.env['NODE_OPTIONS'] ?? '').split(/\s+/).includes(flag);
}

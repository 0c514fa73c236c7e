import { GREN_CONFIG } from '../settings/gren-config';
import { installUncaughtErrorPrinter } from './uncaught-handler';

/**
 * Node keeps 10 frames per stack; each nested loadOrCreate adds about four of gren's, so three
 * configs deep the user's outer `_create` frames were cut off. 50 keeps them (the printer then
 * shows only the user's frames).
 */
const NESTED_STACK_FRAMES = 50;

/**
 * Opt-in: prints uncaught gren errors readably unless GREN_RICH_UNCAUGHT_TRACEBACKS=0
 * (the Python gren does this on import; gren-ts leaves the host process alone until asked).
 * With it, stacks keep up to 50 frames, so a failure several configs deep keeps the user's.
 */
export function printUncaughtGrenErrors(): void {
  if (!GREN_CONFIG.richUncaughtTracebacks) return;
  if (Error.stackTraceLimit < NESTED_STACK_FRAMES) Error.stackTraceLimit = NESTED_STACK_FRAMES;
  installUncaughtErrorPrinter(true);
}

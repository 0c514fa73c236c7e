import { GrenComputeError, configTrail } from './compute-error';
import { GrenError } from './gren-error';
import { isCallerFrame } from './stack-frames';

export interface RenderErrorOptions {
  /** Every stack frame, in place (for log files). By default only the caller's own frames, and how many were left out. */
  allFrames?: boolean;
}

const MAX_CAUSES = 8;
/** Frames shown for an error none of whose frames are the caller's own. */
const FRAMES_WITHOUT_OWN = 5;

/**
 * A readable multi-line rendering of an error and its causes, from the user's side: the gren
 * code and message, then each cause with its stack. A GrenComputeError says once which configs
 * the failure went through and which state file to read; its cause, the original error, follows
 * with its stack. Stacks show the caller's own frames (not gren's, Node's or node_modules'), then
 * how many others were left out.
 */
export function renderError(error: unknown, options: RenderErrorOptions = {}): string {
  const sections: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < MAX_CAUSES; depth += 1) {
    const head = depth === 0 ? headline(current) : `Caused by: ${headline(current)}`;
    sections.push([head, ...frames(current, options)].join('\n'));
    current = current instanceof Error ? current.cause : undefined;
  }
  return sections.join('\n\n');
}

function headline(error: unknown): string {
  if (error instanceof GrenComputeError) {
    // Not the message: its "Original error" line would repeat the cause printed below.
    return `${error.name} [${error.code}]: ${error.reason}${configTrail(error.configs)}\nState file: ${error.failedStatePath}`;
  }
  if (error instanceof GrenError) return `${error.name} [${error.code}]: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `thrown value: ${String(error)}`;
}

function frames(error: unknown, options: RenderErrorOptions): string[] {
  if (!(error instanceof Error) || !error.stack) return [];
  const all = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  if (options.allFrames) return all;
  const own = all.filter(isCallerFrame);
  // gren's own errors say where in the message; their frames inside gren add nothing for the user.
  const shown = own.length > 0 || error instanceof GrenError ? own : all.slice(0, FRAMES_WITHOUT_OWN);
  const left = all.length - shown.length;
  if (left === 0 || shown.length === 0) return shown;
  return [...shown, `    … ${left} more frame${left === 1 ? '' : 's'} in gren, Node.js or node_modules`];
}

import { GrenError } from './gren-error';

/**
 * A readable multi-line rendering of an error and its causes: the gren code first, the
 * message, then each cause with its stack (the innermost cause is usually the user's bug).
 */
export function renderError(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  let depth = 0;
  while (current !== undefined && current !== null && depth < 8) {
    lines.push(depth === 0 ? headline(current) : `\nCaused by: ${headline(current)}`);
    if (current instanceof Error && current.stack) {
      const frames = current.stack.split('\n').filter((line) => line.trimStart().startsWith('at '));
      lines.push(...frames.slice(0, depth === 0 && current instanceof GrenError ? 3 : 12));
    }
    current = current instanceof Error ? current.cause : undefined;
    depth += 1;
  }
  return lines.join('\n');
}

function headline(error: unknown): string {
  if (error instanceof GrenError) return `${error.name} [${error.code}]: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `thrown value: ${String(error)}`;
}

import * as path from 'node:path';

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

const GREN_PACKAGE_DIR = path.resolve(__dirname, '..', '..');
const GREN_OWN_DIRS = [path.join(GREN_PACKAGE_DIR, 'src') + path.sep, path.join(GREN_PACKAGE_DIR, 'dist') + path.sep];
const LOGGING_DIRS = GREN_OWN_DIRS.map((dir) => path.join(dir, 'logging') + path.sep);
const FRAME = /\(?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/;

/**
 * The first stack frame outside gren (and outside Node's internals): the user code that
 * called into gren. Costs a stack capture, so only records that are written call it.
 */
export function userCallerLocation(): SourceLocation | undefined {
  return firstFrameOutside(GREN_OWN_DIRS);
}

/** The first frame outside gren's logging code: where a log call was made. */
export function logCallLocation(): SourceLocation | undefined {
  return firstFrameOutside(LOGGING_DIRS);
}

/**
 * Reads the formatted stack, so that source maps installed by ts-node or
 * --enable-source-maps give TypeScript file names and lines.
 */
function firstFrameOutside(excluded: readonly string[]): SourceLocation | undefined {
  const originalLimit = Error.stackTraceLimit;
  let stack: string | undefined;
  try {
    Error.stackTraceLimit = 40;
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, firstFrameOutside);
    stack = holder.stack;
  } finally {
    Error.stackTraceLimit = originalLimit;
  }
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    const file = (match[1] ?? '').replace(/^file:\/\//, '');
    if (excluded.some((dir) => file.startsWith(dir))) continue;
    return { file, line: Number(match[2]) };
  }
  return undefined;
}

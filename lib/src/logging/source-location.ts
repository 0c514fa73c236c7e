import * as path from 'node:path';

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

const GREN_PACKAGE_DIR = path.resolve(__dirname, '..', '..');
const GREN_OWN_DIRS = [path.join(GREN_PACKAGE_DIR, 'src') + path.sep, path.join(GREN_PACKAGE_DIR, 'dist') + path.sep];
const LOGGING_DIRS = GREN_OWN_DIRS.map((dir) => path.join(dir, 'logging') + path.sep);

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

function firstFrameOutside(excluded: readonly string[]): SourceLocation | undefined {
  const original = Error.prepareStackTrace;
  const originalLimit = Error.stackTraceLimit;
  let frames: NodeJS.CallSite[] = [];
  try {
    Error.stackTraceLimit = 40;
    Error.prepareStackTrace = (_error, callSites) => callSites;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, firstFrameOutside);
    frames = (holder.stack as NodeJS.CallSite[] | undefined) ?? [];
  } finally {
    Error.prepareStackTrace = original;
    Error.stackTraceLimit = originalLimit;
  }
  for (const frame of frames) {
    const file = frame.getFileName();
    if (!file || file.startsWith('node:') || !path.isAbsolute(file.replace(/^file:\/\//, ''))) continue;
    const normalized = file.replace(/^file:\/\//, '');
    if (excluded.some((dir) => normalized.startsWith(dir))) continue;
    return { file: normalized, line: frame.getLineNumber() ?? 0 };
  }
  return undefined;
}

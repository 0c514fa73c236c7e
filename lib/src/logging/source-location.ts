import { findSourceMap } from 'node:module';
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
 * Finds the frame on the raw (unmapped) call sites, then source-maps that one frame only, so
 * that ts-node (source-map-support) or --enable-source-maps still give TypeScript file names
 * and lines. Formatting the whole stack through source-map-support cost ~150 µs per record,
 * which made every INFO cache-hit line ten times dearer than the hit itself.
 */
function firstFrameOutside(excluded: readonly string[]): SourceLocation | undefined {
  return findFrame(excluded, 10) ?? findFrame(excluded, 40);
}

function findFrame(excluded: readonly string[], depth: number): SourceLocation | undefined {
  // Kept to be restored as is, and called with Error as `this`, as V8 calls it.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const installed = Error.prepareStackTrace;
  const originalLimit = Error.stackTraceLimit;
  let frames: NodeJS.CallSite[] = [];
  try {
    Error.stackTraceLimit = depth;
    Error.prepareStackTrace = (_error, callSites) => callSites;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, findFrame);
    frames = (holder.stack as NodeJS.CallSite[] | undefined) ?? [];
  } finally {
    Error.prepareStackTrace = installed;
    Error.stackTraceLimit = originalLimit;
  }
  for (const frame of frames) {
    const file = rawFile(frame);
    if (file === undefined || excluded.some((dir) => file.startsWith(dir))) continue;
    return sourcePosition(frame, file, installed);
  }
  return undefined;
}

function rawFile(frame: NodeJS.CallSite): string | undefined {
  const name = frame.getFileName();
  if (!name || name.startsWith('node:')) return undefined;
  const file = name.replace(/^file:\/\//, '');
  return path.isAbsolute(file) ? file : undefined;
}

type PrepareStackTrace = typeof Error.prepareStackTrace;

/** Mapped positions by raw `file:line:column`: the same call sites log again and again. */
const positions = new Map<string, SourceLocation>();
const MAX_POSITIONS = 2000;

function sourcePosition(frame: NodeJS.CallSite, file: string, installed: PrepareStackTrace): SourceLocation {
  const key = `${file}:${frame.getLineNumber() ?? 0}:${frame.getColumnNumber() ?? 0}`;
  let position = positions.get(key);
  if (position === undefined) {
    position = mapped(frame, file, installed) ?? { file, line: frame.getLineNumber() ?? 0 };
    if (positions.size >= MAX_POSITIONS) positions.clear();
    positions.set(key, position);
  }
  return position;
}

/** The frame's position in its source, when a source map is known for it. */
function mapped(frame: NodeJS.CallSite, file: string, installed: PrepareStackTrace): SourceLocation | undefined {
  try {
    if (typeof installed === 'function') {
      // A hook such as ts-node's source-map-support: let it format this single frame.
      const text = String(installed.call(Error, { name: 'Error', message: '' }, [frame]));
      const match = FRAME.exec(text.split('\n')[1]?.trim() ?? '');
      if (match) return { file: (match[1] ?? file).replace(/^file:\/\//, ''), line: Number(match[2]) };
      return undefined;
    }
    // Node's own source maps (--enable-source-maps or a registered map).
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    if (line === null || column === null) return undefined;
    const entry: { originalSource?: string; originalLine?: number } | undefined = findSourceMap(file)?.findEntry(
      line - 1,
      column - 1,
    );
    if (!entry?.originalSource || entry.originalLine === undefined) return undefined;
    return { file: entry.originalSource.replace(/^file:\/\//, ''), line: entry.originalLine + 1 };
  } catch {
    return undefined;
  }
}

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** gren's own package directory (lib/), whose files never define user classes. */
const GREN_PACKAGE_DIR = path.resolve(__dirname, '..', '..');
const GREN_OWN_DIRS = [path.join(GREN_PACKAGE_DIR, 'src') + path.sep, path.join(GREN_PACKAGE_DIR, 'dist') + path.sep];
const HELPER_PATTERN = /[\\/]node_modules[\\/](tslib|reflect-metadata)[\\/]/;

/**
 * The file of the first stack frame outside gren itself: when a decorator factory runs,
 * that is the module defining the decorated class. Undefined when no frame has a file
 * (code evaluated from a string).
 */
export function callerFile(): string | undefined {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved to be restored, never called
  const original = Error.prepareStackTrace;
  const originalLimit = Error.stackTraceLimit;
  let frames: NodeJS.CallSite[] = [];
  try {
    Error.stackTraceLimit = 30;
    Error.prepareStackTrace = (_error, callSites) => callSites;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, callerFile);
    frames = holder.stack as NodeJS.CallSite[];
  } finally {
    Error.prepareStackTrace = original;
    Error.stackTraceLimit = originalLimit;
  }
  for (const frame of frames) {
    const file = normalizeFile(frame.getFileName());
    if (file && !isGrenOrHelperFile(file)) return file;
  }
  return undefined;
}

function normalizeFile(name: string | undefined | null): string | undefined {
  if (!name || name.startsWith('node:') || name.startsWith('internal/')) return undefined;
  if (name.startsWith('file://')) return fileURLToPath(name);
  return path.isAbsolute(name) ? name : undefined;
}

function isGrenOrHelperFile(file: string): boolean {
  return GREN_OWN_DIRS.some((dir) => file.startsWith(dir)) || HELPER_PATTERN.test(file);
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenStateError } from '../errors/state-error';
import { isOnLocalFilesystem } from './filesystem-kind';
import { parseState } from './parse-state';
import { defaultState, type GrenState } from './state-types';

export interface ShortReadRetry {
  /** Pauses before each new read of a state.json that did not parse. */
  delaysMs: readonly number[];
  /** Whether the file may have been read short (false: a parse failure is corruption at once). */
  mayReadShort(file: string): boolean;
}

/**
 * A network filesystem client can cut the read of a replaced state.json at the old file's
 * cached length (sshfs keeps attributes for 1 s). Reading again after the attribute cache
 * expired sees the whole file, so a parse failure there is retried for about 3 s before the
 * file is called corrupt. Local filesystems read coherently: no retry.
 */
export const NETWORK_SHORT_READ_RETRY: ShortReadRetry = {
  delaysMs: [20, 50, 100, 200, 400, 800, 1600],
  mayReadShort: (file) => !isOnLocalFilesystem(path.dirname(file)),
};

/**
 * Reads and validates a state.json. A missing file is the default (absent) state; a corrupt
 * or newer-schema file is an error naming it, and the file is left untouched. `opened` sees
 * the descriptor before it is read, to fstat exactly the bytes that are parsed.
 */
export function readState(
  file: string,
  opened?: (fd: number) => void,
  retry: ShortReadRetry = NETWORK_SHORT_READ_RETRY,
): GrenState {
  let text = readText(file, opened);
  if (text === undefined) return defaultState();
  for (let attempt = 0; ; attempt += 1) {
    const data = parseJson(text);
    if (data.ok) return parseState(data.value, file);
    const delay = retry.delaysMs[attempt];
    if (delay === undefined || (attempt === 0 && !retry.mayReadShort(file)))
      throw GrenStateError.invalidJson(file, data.error);
    sleepSync(delay);
    text = readText(file, opened);
    if (text === undefined) return defaultState();
  }
}

export function parseStateText(text: string, file: string): GrenState {
  const data = parseJson(text);
  if (!data.ok) throw GrenStateError.invalidJson(file, data.error);
  return parseState(data.value, file);
}

function readText(file: string, opened: ((fd: number) => void) | undefined): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    opened?.(fd);
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Readers of state.json are synchronous (they run inside lock-held steps); this path is rare. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

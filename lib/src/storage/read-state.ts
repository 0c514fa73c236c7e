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
 * cached length (sshfs keeps attributes for 1 s). A direct read (O_DIRECT, past the page
 * cache and its cached size) sees the whole file at once; reading again after the attribute
 * cache expired does too. So a parse failure there is retried, direct first, for about 3 s
 * before the file is called corrupt. Local filesystems read coherently: no retry.
 */
export const NETWORK_SHORT_READ_RETRY: ShortReadRetry = {
  delaysMs: [0, 50, 100, 200, 400, 800, 1600],
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
    if (delay > 0) sleepSync(delay);
    text = readText(file, opened, true);
    if (text === undefined) return defaultState();
  }
}

export function parseStateText(text: string, file: string): GrenState {
  const data = parseJson(text);
  if (!data.ok) throw GrenStateError.invalidJson(file, data.error);
  return parseState(data.value, file);
}

/** The file's text; a direct read where the filesystem allows one (FUSE and NFS do; tmpfs and ext4 refuse unaligned ones). */
function readText(file: string, opened: ((fd: number) => void) | undefined, direct = false): string | undefined {
  if (direct) {
    try {
      return readOnce(file, opened, true);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
    }
  }
  return readOnce(file, opened, false);
}

function readOnce(file: string, opened: ((fd: number) => void) | undefined, direct: boolean): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, direct ? fs.constants.O_RDONLY | fs.constants.O_DIRECT : fs.constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    opened?.(fd);
    return direct ? readToEnd(fd) : fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads until end of file, whatever size stat() reports. */
function readToEnd(fd: number): string {
  let buffer = Buffer.alloc(64 * 1024);
  let length = 0;
  for (;;) {
    if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
    const read = fs.readSync(fd, buffer, length, buffer.length - length, length);
    if (read === 0) return buffer.toString('utf8', 0, length);
    length += read;
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

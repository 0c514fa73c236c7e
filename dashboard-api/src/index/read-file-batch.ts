import * as fs from 'node:fs';
import { stateFields } from './fast-state-facts';

/** Files read whole, one after the other in one buffer. */
export interface FileBatch {
  /** The files' bytes, back to back. */
  bytes: Buffer;
  /** Per file: where its bytes end in `bytes`, or MISSING, FAILED (see `errors`) or NOT_READ. */
  ends: Int32Array;
  /** Per failed file: the error's message. */
  errors: (string | undefined)[];
}

/** The file (or a folder on its path) does not exist, or a path part is a link: no artifact. */
export const MISSING = -1;
/** The file exists but could not be read (permissions, I/O error): `errors` says why. */
export const FAILED = -2;
/** Left for the caller to read: the batch had reached BATCH_BYTES (huge metadata files). */
export const NOT_READ = -3;
/** A batch stops reading past this many bytes (the rest of its files are NOT_READ). */
export const BATCH_BYTES = 16 * 1024 * 1024;

/**
 * Reads many small files with one buffer and three system calls each (open, read, close; no
 * stat): what the index's start-up costs is mostly this. It runs in this thread and in the
 * reader threads (file-batch-worker.ts).
 */
export function readFileBatch(
  prefix: string,
  names: readonly string[],
  suffix: string,
  maxBytes: number,
): RawFileBatch {
  const flags = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW;
  let bytes = new Uint8Array(Math.max(65536, names.length * 2048));
  let used = 0;
  const ends = new Int32Array(names.length);
  const errors: (string | undefined)[] = [];
  for (let index = 0; index < names.length; index += 1) {
    if (used >= maxBytes) {
      ends[index] = NOT_READ;
      continue;
    }
    let fd: number;
    try {
      fd = fs.openSync(prefix + (names[index] as string) + suffix, flags);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') {
        ends[index] = MISSING;
      } else {
        ends[index] = FAILED;
        errors[index] = (error as Error).message;
      }
      continue;
    }
    const start = used;
    try {
      for (;;) {
        if (bytes.length - used < 16384) {
          const bigger = new Uint8Array(bytes.length * 2);
          bigger.set(bytes.subarray(0, used));
          bytes = bigger;
        }
        const read = fs.readSync(fd, bytes, used, bytes.length - used, used - start);
        used += read;
        if (read === 0 || used < bytes.length) break;
      }
      ends[index] = used;
    } catch (error) {
      used = start;
      ends[index] = FAILED;
      errors[index] = (error as Error).message;
    } finally {
      fs.closeSync(fd);
    }
  }
  return { bytes: bytes.subarray(0, used), ends, errors };
}

/** What the reading function returns (plain typed arrays, which threads can move). */
export interface RawFileBatch {
  bytes: Uint8Array;
  ends: Int32Array;
  errors: (string | undefined)[];
}

// What a state batch says of each file (`StateBatch.kinds`; readStateBatch writes the numbers).
/** Read by the fast reader: `numbers` and `strings` hold its fields. */
export const PARSED = 0;
/** Not in the layout the fast reader knows: `texts` holds it, for the strict reader. */
export const UNPARSED = 1;
export const STATE_MISSING = 2;
/** `errors` says why. */
export const STATE_FAILED = 3;
/** Left for the caller to read (see NOT_READ). */
export const STATE_NOT_READ = 4;

/** State files read and parsed by the fast reader (on a reader thread or here). */
export interface StateBatch {
  /** Per file: PARSED, UNPARSED, STATE_MISSING, STATE_FAILED or STATE_NOT_READ. */
  kinds: Uint8Array;
  /** 3 a file: attempt number, updated and started ms (NaN for null). */
  numbers: Float64Array;
  /** 7 a file: result status, attempt status, updated_at, started_at, backend, hostname, user. */
  strings: (string | null)[];
  texts: (string | undefined)[];
  errors: (string | undefined)[];
}

/** Reads state files and runs the fast reader on each, in this thread or a reader thread. */
export function readStateBatch(prefix: string, names: readonly string[], suffix: string, maxBytes: number): StateBatch {
  const files = readFileBatch(prefix, names, suffix, maxBytes);
  const bytes = Buffer.from(files.bytes.buffer, files.bytes.byteOffset, files.bytes.byteLength);
  const count = names.length;
  const kinds = new Uint8Array(count);
  const numbers = new Float64Array(count * 3);
  const strings: (string | null)[] = new Array<string | null>(count * 7).fill(null);
  const texts: (string | undefined)[] = [];
  const errors: (string | undefined)[] = [];
  let start = 0;
  for (let index = 0; index < count; index += 1) {
    const end = files.ends[index] as number;
    if (end === MISSING) {
      kinds[index] = STATE_MISSING;
      continue;
    }
    if (end === FAILED) {
      kinds[index] = STATE_FAILED;
      errors[index] = files.errors[index];
      continue;
    }
    if (end === NOT_READ) {
      kinds[index] = STATE_NOT_READ;
      continue;
    }
    const text = bytes.toString('utf8', start, end);
    start = end;
    const parsed = stateFields(text);
    if (parsed === undefined) {
      kinds[index] = UNPARSED;
      texts[index] = text;
      continue;
    }
    numbers[index * 3] = parsed.attemptNumber ?? NaN;
    numbers[index * 3 + 1] = parsed.updatedMs ?? NaN;
    numbers[index * 3 + 2] = parsed.startedMs ?? NaN;
    strings[index * 7] = parsed.resultStatus;
    strings[index * 7 + 1] = parsed.attemptStatus;
    strings[index * 7 + 2] = parsed.updatedAt;
    strings[index * 7 + 3] = parsed.startedAt;
    strings[index * 7 + 4] = parsed.backend;
    strings[index * 7 + 5] = parsed.hostname;
    strings[index * 7 + 6] = parsed.user;
  }
  return { kinds, numbers, strings, texts, errors };
}

import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { STATE_LAYOUT, decode, isoTimeMs, stateFields, type StateFields } from './fast-state-facts';

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
 * stat): what the index's start-up costs is mostly this. It runs in this thread and, as
 * source text, in the reader threads: it must use nothing but its parameters and globals.
 */
export function readFileBatch(
  fsModule: typeof fs,
  prefix: string,
  names: readonly string[],
  suffix: string,
  maxBytes: number,
): RawFileBatch {
  const flags = fsModule.constants.O_RDONLY | fsModule.constants.O_NOFOLLOW;
  let bytes = new Uint8Array(Math.max(65536, names.length * 2048));
  let used = 0;
  const ends = new Int32Array(names.length);
  const errors: (string | undefined)[] = [];
  for (let index = 0; index < names.length; index += 1) {
    if (used >= maxBytes) {
      ends[index] = -3;
      continue;
    }
    let fd: number;
    try {
      fd = fsModule.openSync(prefix + (names[index] as string) + suffix, flags);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') {
        ends[index] = -1;
      } else {
        ends[index] = -2;
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
        const read = fsModule.readSync(fd, bytes, used, bytes.length - used, used - start);
        used += read;
        if (read === 0 || used < bytes.length) break;
      }
      ends[index] = used;
    } catch (error) {
      used = start;
      ends[index] = -2;
      errors[index] = (error as Error).message;
    } finally {
      fsModule.closeSync(fd);
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

function asFileBatch(raw: RawFileBatch): FileBatch {
  return {
    bytes: Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength),
    ends: raw.ends,
    errors: raw.errors,
  };
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

/**
 * Reads state files and runs the fast reader on each. It runs in this thread and, as source
 * text, in the reader threads: it uses nothing but its parameters and globals.
 */
export function readStateBatch(
  fsModule: typeof fs,
  readFiles: typeof readFileBatch,
  fields: (text: string) => StateFields | undefined,
  prefix: string,
  names: readonly string[],
  suffix: string,
  maxBytes: number,
): StateBatch {
  const files = readFiles(fsModule, prefix, names, suffix, maxBytes);
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
    if (end === -1) {
      kinds[index] = 2;
      continue;
    }
    if (end === -2) {
      kinds[index] = 3;
      errors[index] = files.errors[index];
      continue;
    }
    if (end === -3) {
      kinds[index] = 4;
      continue;
    }
    const text = bytes.toString('utf8', start, end);
    start = end;
    const parsed = fields(text);
    if (parsed === undefined) {
      kinds[index] = 1;
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

/**
 * The worker's program: reads (and for state files parses) the batches it is sent and sends
 * them back, their typed arrays moved, not copied.
 */
const WORKER_SOURCE = `
const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
const LAYOUT = new RegExp(${JSON.stringify(STATE_LAYOUT.source)}, ${JSON.stringify(STATE_LAYOUT.flags)});
const decode = ${decode.toString()};
const isoTimeMs = ${isoTimeMs.toString()};
const stateFields = ${stateFields.toString()};
const readFileBatch = ${readFileBatch.toString()};
const readStateBatch = ${readStateBatch.toString()};
parentPort.on('message', ({ id, prefix, names, suffix, states, maxBytes }) => {
  if (states) {
    const batch = readStateBatch(fs, readFileBatch, stateFields, prefix, names, suffix, maxBytes);
    parentPort.postMessage({ id, batch }, [batch.kinds.buffer, batch.numbers.buffer]);
  } else {
    const batch = readFileBatch(fs, prefix, names, suffix, maxBytes);
    parentPort.postMessage({ id, batch }, [batch.bytes.buffer, batch.ends.buffer]);
  }
});
`;

interface Job {
  prefix: string;
  names: readonly string[];
  suffix: string;
  states: boolean;
  resolve(batch: unknown): void;
}

interface ReaderThread {
  worker: Worker;
  jobs: Map<number, Job>;
}

/**
 * Reads batches of small files on reader threads (worker_threads, each reading with plain
 * blocking calls, which costs a third of libuv's thread pool per file here), so that reading
 * overlaps with parsing on the main thread and spreads over the machine's cores. Without
 * threads (or if one fails) batches are read in this thread: the answer is the same.
 */
export class FileBatchReader {
  private readonly threads: ReaderThread[] = [];
  private nextId = 0;
  private closed = false;

  /** `threadCount` 0 reads everything in this thread; a batch reads `maxBytes` at most. */
  constructor(
    readonly threadCount: number,
    private readonly maxBytes = BATCH_BYTES,
  ) {}

  get started(): number {
    return this.threads.length;
  }

  /**
   * Reads `prefix + name + suffix` for each name, on a reader thread unless `inThisThread`
   * (small batches are not worth a thread's start-up).
   */
  read(prefix: string, names: readonly string[], suffix: string, inThisThread = false): Promise<FileBatch> {
    return this.run(prefix, names, suffix, false, inThisThread).then((raw) => asFileBatch(raw as RawFileBatch));
  }

  /** Reads state files and runs the fast reader on them, as `read` does. */
  readStates(prefix: string, names: readonly string[], suffix: string, inThisThread = false): Promise<StateBatch> {
    return this.run(prefix, names, suffix, true, inThisThread) as Promise<StateBatch>;
  }

  private run(
    prefix: string,
    names: readonly string[],
    suffix: string,
    states: boolean,
    inThisThread: boolean,
  ): Promise<unknown> {
    const thread = this.closed || inThisThread ? undefined : this.leastBusy();
    if (!thread) return Promise.resolve(runHere(prefix, names, suffix, states, this.maxBytes));
    return new Promise<unknown>((resolve) => {
      const id = this.nextId;
      this.nextId += 1;
      thread.jobs.set(id, { prefix, names, suffix, states, resolve });
      thread.worker.postMessage({ id, prefix, names, suffix, states, maxBytes: this.maxBytes });
    });
  }

  /** Stops the threads; batches they still hold are read in this thread. */
  close(): void {
    this.closed = true;
    for (const thread of this.threads.splice(0)) {
      this.abandon(thread);
      void thread.worker.terminate();
    }
  }

  private leastBusy(): ReaderThread | undefined {
    if (this.threads.length < this.threadCount) {
      const started = this.startThread();
      if (started) return started;
      this.closed = true;
    }
    let best: ReaderThread | undefined;
    for (const thread of this.threads) if (!best || thread.jobs.size < best.jobs.size) best = thread;
    return best;
  }

  private startThread(): ReaderThread | undefined {
    let worker: Worker;
    try {
      // No execArgv: the source needs no loader (ts-node and the like would only slow the start).
      worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], stdout: false, stderr: false });
    } catch {
      return undefined;
    }
    worker.unref();
    const thread: ReaderThread = { worker, jobs: new Map() };
    worker.on('message', (message: { id: number; batch: unknown }) => {
      const job = thread.jobs.get(message.id);
      if (!job) return;
      thread.jobs.delete(message.id);
      job.resolve(message.batch);
    });
    const fail = (): void => {
      const at = this.threads.indexOf(thread);
      if (at >= 0) this.threads.splice(at, 1);
      // No more threads: a thread that failed once would likely fail again.
      this.closed = true;
      this.abandon(thread);
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    this.threads.push(thread);
    return thread;
  }

  /** Reads a thread's unfinished batches here. */
  private abandon(thread: ReaderThread): void {
    const jobs = [...thread.jobs.values()];
    thread.jobs.clear();
    for (const job of jobs) job.resolve(runHere(job.prefix, job.names, job.suffix, job.states, this.maxBytes));
  }
}

function runHere(prefix: string, names: readonly string[], suffix: string, states: boolean, maxBytes: number): unknown {
  return states
    ? readStateBatch(fs, readFileBatch, stateFields, prefix, names, suffix, maxBytes)
    : readFileBatch(fs, prefix, names, suffix, maxBytes);
}

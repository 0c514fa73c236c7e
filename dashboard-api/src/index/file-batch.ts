import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Files read whole, one after the other in one buffer. */
export interface FileBatch {
  /** The files' bytes, back to back. */
  bytes: Buffer;
  /** Per file: where its bytes end in `bytes`, or MISSING, or FAILED (see `errors`). */
  ends: Int32Array;
  /** Per failed file: the error's message. */
  errors: (string | undefined)[];
}

/** The file (or a folder on its path) does not exist, or a path part is a link: no artifact. */
export const MISSING = -1;
/** The file exists but could not be read (permissions, I/O error): `errors` says why. */
export const FAILED = -2;

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
): RawFileBatch {
  const flags = fsModule.constants.O_RDONLY | fsModule.constants.O_NOFOLLOW;
  let bytes = new Uint8Array(Math.max(65536, names.length * 2048));
  let used = 0;
  const ends = new Int32Array(names.length);
  const errors: (string | undefined)[] = [];
  for (let index = 0; index < names.length; index += 1) {
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

/** The worker's program: reads the batches it is sent and sends their bytes back (moved, not copied). */
const WORKER_SOURCE = `
const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
const readFileBatch = ${readFileBatch.toString()};
parentPort.on('message', ({ id, prefix, names, suffix }) => {
  const batch = readFileBatch(fs, prefix, names, suffix);
  parentPort.postMessage({ id, batch }, [batch.bytes.buffer, batch.ends.buffer]);
});
`;

interface Job {
  prefix: string;
  names: readonly string[];
  suffix: string;
  resolve(batch: FileBatch): void;
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

  /** `threadCount` 0 reads everything in this thread. */
  constructor(readonly threadCount: number) {}

  get started(): number {
    return this.threads.length;
  }

  /**
   * Reads `prefix + name + suffix` for each name, on a reader thread unless `inThisThread`
   * (small batches are not worth a thread's start-up).
   */
  read(prefix: string, names: readonly string[], suffix: string, inThisThread = false): Promise<FileBatch> {
    const thread = this.closed || inThisThread ? undefined : this.leastBusy();
    if (!thread) return Promise.resolve(asFileBatch(readFileBatch(fs, prefix, names, suffix)));
    return new Promise<FileBatch>((resolve) => {
      const id = this.nextId;
      this.nextId += 1;
      thread.jobs.set(id, { prefix, names, suffix, resolve });
      thread.worker.postMessage({ id, prefix, names, suffix });
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
    worker.on('message', (message: { id: number; batch: RawFileBatch }) => {
      const job = thread.jobs.get(message.id);
      if (!job) return;
      thread.jobs.delete(message.id);
      job.resolve(asFileBatch(message.batch));
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
    for (const job of jobs) job.resolve(asFileBatch(readFileBatch(fs, job.prefix, job.names, job.suffix)));
  }
}

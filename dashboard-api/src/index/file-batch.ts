import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  BATCH_BYTES,
  readFileBatch,
  readStateBatch,
  type FileBatch,
  type RawFileBatch,
  type StateBatch,
} from './read-file-batch';
import type { BatchRequest, BatchResponse } from './file-batch-worker';

export * from './read-file-batch';

function asFileBatch(raw: RawFileBatch): FileBatch {
  return {
    bytes: Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength),
    ends: raw.ends,
    errors: raw.errors,
  };
}

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
      const request: BatchRequest = { id, prefix, names, suffix, states, maxBytes: this.maxBytes };
      thread.worker.postMessage(request);
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
      worker = startReaderWorker();
    } catch {
      return undefined;
    }
    worker.unref();
    const thread: ReaderThread = { worker, jobs: new Map() };
    worker.on('message', (message: BatchResponse) => {
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
  return states ? readStateBatch(prefix, names, suffix, maxBytes) : readFileBatch(prefix, names, suffix, maxBytes);
}

/**
 * Starts file-batch-worker: the compiled .js beside this file (dist, the installed package)
 * or, when this file runs as TypeScript source (jest, ts-node, the bench), its .ts source
 * through tsx's require hook (a development dependency, so present wherever the source runs;
 * it starts a thread several times faster than ts-node or @swc-node/register).
 * No execArgv: the parent's loader flags would only slow the start.
 */
function startReaderWorker(): Worker {
  const options = { execArgv: [], stdout: false, stderr: false };
  const compiled = path.join(__dirname, 'file-batch-worker.js');
  if (fs.existsSync(compiled)) return new Worker(compiled, options);
  const source = path.join(__dirname, 'file-batch-worker.ts');
  const register = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();`;
  return new Worker(`${register} require(${JSON.stringify(source)});`, { ...options, eval: true });
}

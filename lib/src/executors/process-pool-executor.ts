import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GrenError } from '../errors/gren-error';
import type { PoolResultMessage } from '../runtime/serve-worker';
import { workerBinPath } from '../runtime/worker-bin';
import type { SchedulerProbe } from '../storage/reconcile';
import type { ActiveAttempt } from '../storage/state-types';
import type { ClosableExecutor } from '../sweep/batch-executor';
import type { Executor, SubmitRequest, SubmittedJob } from './executor';
import { ProcessExecutor } from './process-executor';

/** How long close() lets a stopped worker record its attempt and release its locks. */
const CLOSE_TIMEOUT_MS = 30_000;

export interface ProcessPoolOptions {
  /** Worker processes (default: the number of cores). */
  size?: number;
  nodeArgs?: string[];
  env?: Record<string, string>;
}

interface PoolWorker {
  readonly child: ChildProcess;
  busy: boolean;
  /** Sent SIGTERM already: a second one would make it exit before it cleaned up. */
  stopping: boolean;
}

/**
 * A pool of long-lived `gren-worker --serve` processes on this machine: each computes one
 * config at a time, with the same attempt, state, log and signal handling as a one-shot
 * worker, but without paying a Node start per config. `submit` resolves once a worker took
 * the job (the job id is that worker's pid, as for `ProcessExecutor`). `close()` stops the
 * workers (SIGTERM: a running computation is recorded preempted and its lock released).
 */
export class ProcessPoolExecutor implements ClosableExecutor {
  readonly backend = 'process';
  readonly size: number;
  private readonly workers: PoolWorker[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly endListeners = new Set<() => void>();
  private readonly hostname = os.hostname();
  private readonly prober: Executor = new ProcessExecutor();
  private closed = false;

  constructor(private readonly options: ProcessPoolOptions = {}) {
    const size = options.size ?? os.cpus().length;
    if (!Number.isInteger(size) || size < 1)
      throw new GrenError(
        'POOL_SIZE',
        `ProcessPoolExecutor: size must be a whole number ≥ 1; got ${String(options.size)}.`,
      );
    this.size = size;
  }

  async submit(request: SubmitRequest): Promise<SubmittedJob> {
    const worker = await this.reserveWorker(request.payload.basePath);
    const payloadFile = path.join(request.directory, '.gren', 'worker', `${request.payload.attemptId}.json`);
    worker.child.send({ payload: payloadFile });
    return { jobId: String(worker.child.pid), scheduler: { host: this.hostname, pool_size: this.size } };
  }

  /** Calls `listener` whenever a worker finishes a job (lets a sweep react at once). */
  onJobEnd(listener: () => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  probe(attempt: ActiveAttempt): Promise<SchedulerProbe | undefined> {
    return this.prober.probe?.(attempt) ?? Promise.resolve(undefined);
  }

  cancel(jobId: string): Promise<void> {
    const worker = this.workers.find((candidate) => String(candidate.child.pid) === jobId);
    if (worker?.busy) this.stop(worker);
    return Promise.resolve();
  }

  /** Stops every worker and waits for them to exit (SIGKILL for one still there after 30 s). */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.workers];
    const exits = workers.map((worker) => exited(worker.child));
    for (const worker of workers) this.stop(worker);
    const kill = setTimeout(() => workers.forEach((worker) => worker.child.kill('SIGKILL')), CLOSE_TIMEOUT_MS);
    await Promise.all(exits);
    clearTimeout(kill);
    this.workers.length = 0;
    for (const wake of this.waiting.splice(0)) wake();
  }

  private stop(worker: PoolWorker): void {
    if (worker.stopping || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
    worker.stopping = true;
    worker.child.kill('SIGTERM');
  }

  /** An idle worker (or a new one), marked busy before anything else can pick it. */
  private async reserveWorker(basePath: string): Promise<PoolWorker> {
    for (;;) {
      if (this.closed)
        throw new GrenError(
          'POOL_CLOSED',
          'ProcessPoolExecutor: the pool was closed; create a new one to submit more work.',
        );
      const worker =
        this.workers.find((candidate) => !candidate.busy && !candidate.stopping) ??
        (this.workers.length < this.size ? this.spawnWorker(basePath) : undefined);
      if (worker) {
        worker.busy = true;
        return worker;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private spawnWorker(basePath: string): PoolWorker {
    const logDir = path.join(basePath, 'sweeps', 'pool');
    fs.mkdirSync(logDir, { recursive: true });
    const log = fs.openSync(path.join(logDir, `worker-${process.pid}-${this.workers.length}.log`), 'a');
    const child = fork(workerBinPath(), ['--serve', '--backend', this.backend], {
      cwd: process.cwd(),
      env: { ...process.env, ...this.options.env, GREN_PATH: basePath },
      execArgv: this.options.nodeArgs ?? [],
      // Its own process group: a Ctrl-C on the terminal reaches the sweep, which stops the pool.
      detached: true,
      stdio: ['ignore', log, log, 'ipc'],
    });
    fs.closeSync(log);
    const worker: PoolWorker = { child, busy: false, stopping: false };
    this.workers.push(worker);
    child.on('message', (message: PoolResultMessage) => {
      if (typeof message?.payload !== 'string') return;
      worker.busy = false;
      this.waiting.shift()?.();
      for (const listener of this.endListeners) listener();
    });
    child.on('exit', () => {
      const index = this.workers.indexOf(worker);
      if (index >= 0) this.workers.splice(index, 1);
      this.waiting.shift()?.();
      for (const listener of this.endListeners) listener();
    });
    return worker;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

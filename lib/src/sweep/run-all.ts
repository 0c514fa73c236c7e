import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DependencyContainer } from 'tsyringe';
import { executorOf, runtimeOf } from '../di/active-container';
import { GrenError } from '../errors/gren-error';
import type { Executor } from '../executors/executor';
import { isBatchExecutor } from './batch-executor';
import { collectConfigs, type SweepInput } from './sweep-input';
import { SweepBook } from './sweep-book';
import { driveSweep } from './sweep-driver';
import { planSweep } from './sweep-plan';
import { Sweep } from './sweep';

export interface RunAllOptions {
  /**
   * Where the configs run: the container's executor by default (in this process). A
   * `ProcessPoolExecutor` runs them in worker processes, a `SlurmArrayExecutor` as one job
   * array per dependency level; any `Executor` works (one submit per config).
   */
  executor?: Executor;
  /**
   * At most this many configs run at once: the `%N` of SLURM arrays, the number of submitted
   * configs in flight otherwise. Default: 1 in this process, the pool's size for a
   * ProcessPoolExecutor, no limit for a BatchExecutor (SLURM arrays), else the number of cores.
   */
  maxRunning?: number;
  container?: DependencyContainer;
  /** How often (ms) the sweep re-reads the state of what it waits on (default 500). */
  tickMs?: number;
}

/**
 * Computes every config of `configs` (an array, a GrenList or any iterable) that has no
 * valid result yet, with the configs they depend on, in dependency order. Configs equal by
 * hash count once; each artifact is computed once, also when other sweeps or processes
 * share it (they follow each other's attempts). Returns at once: await `wait()`.
 */
export function runAll(configs: SweepInput, options: RunAllOptions = {}): Sweep {
  const objects = collectConfigs(configs);
  const runtime = runtimeOf(options.container);
  const executor = options.executor ?? executorOf(options.container);
  const maxRunning = options.maxRunning ?? defaultMaxRunning(executor);
  if (!Number.isInteger(maxRunning) || maxRunning < 1) {
    throw new GrenError(
      'SWEEP_OPTION',
      `runAll: maxRunning must be a whole number ≥ 1; got ${String(options.maxRunning)}.`,
    );
  }
  let cancelled = false;
  const plan = planSweep(runtime, objects);
  const book = plan.then((value) => new SweepBook(value.nodes));
  const done = (async () => {
    const [planned, records] = await Promise.all([plan, book]);
    try {
      await driveSweep(planned, records, {
        runtime,
        executor,
        maxRunning,
        sweepDir: path.join(
          runtime.settings.basePath,
          'sweeps',
          `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`,
        ),
        tickMs: options.tickMs ?? 500,
        cancelled: () => cancelled,
      });
    } finally {
      records.markFinished();
    }
  })();
  done.catch(() => undefined);
  return new Sweep(book, done, plan, () => {
    cancelled = true;
  });
}

function defaultMaxRunning(executor: Executor): number {
  const size = (executor as { size?: unknown }).size;
  if (typeof size === 'number') return size;
  if (isBatchExecutor(executor)) return Number.MAX_SAFE_INTEGER;
  return executor.inProcess ? 1 : Math.max(1, os.cpus().length);
}

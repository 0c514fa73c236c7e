#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { runtimeOf } from '../di/active-container';
import { GrenError } from '../errors/gren-error';
import { printUncaughtGrenErrors } from '../errors/print-uncaught-errors';
import { runWorker, type WorkerEnvironment } from '../runtime/run-worker';
import { serveWorker } from '../runtime/serve-worker';
import { holdSignals } from '../runtime/hold-signals';
import { payloadsOfArrayTask } from '../runtime/array-task-list';
import { GREN_CONFIG } from '../settings/gren-config';
import { slurmWorkerEnvironment } from '../executors/slurm/slurm-worker-environment';

printUncaughtGrenErrors();

/**
 * `gren-worker <payload.json>`: runs one submitted computation (used by ProcessExecutor and
 * SlurmExecutor batch scripts). `--task-list <file>`: the payload is the line of <file> that
 * SLURM_ARRAY_TASK_ID selects (SLURM job arrays). `--serve`: a process pool's worker, which
 * takes payloads over its IPC channel until the pool disconnects. Exit codes: 0 created or already done, 1 failed, 2 bad
 * input, 3 cancelled, 128+n when stopped by signal n.
 */
const program = new Command('gren-worker')
  .description('Run a gren computation submitted by an executor')
  .argument('[payload]', 'the .gren/worker/<attempt>.json file written by the submitter')
  .option('--backend <name>', 'backend recorded in the attempt', 'process')
  .option(
    '--task-list <file>',
    'a file with one line per SLURM array task (its payload paths, tab-separated), indexed by SLURM_ARRAY_TASK_ID',
  )
  .option('--serve', 'run payloads sent by a process pool over IPC')
  .action(async (payload: string | undefined, options: { backend: string; taskList?: string; serve?: boolean }) => {
    const environment = (): WorkerEnvironment =>
      slurmWorkerEnvironment(process.env, GREN_CONFIG) ?? {
        backend: options.backend,
        scheduler: { job_id: String(process.pid) },
      };
    if (options.serve) {
      serveWorker(runtimeOf(), GREN_CONFIG, environment);
      return;
    }
    const files =
      options.taskList !== undefined
        ? payloadsOfArrayTask(options.taskList, process.env)
        : payload === undefined
          ? []
          : [payload];
    if (files.length === 0)
      throw new GrenError('WORKER_USAGE', 'gren-worker needs a payload file, --task-list <file> or --serve.');
    const held = holdSignals();
    let failures = 0;
    let cancelled = 0;
    for (const file of files) {
      // An array task may hold several configs: one failing does not stop the others.
      try {
        if ((await runWorker(runtimeOf(), GREN_CONFIG, file, environment())) === 'cancelled') cancelled += 1;
      } catch (error) {
        if (files.length === 1) throw error;
        failures += 1;
        process.stderr.write(`gren-worker: ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      held.exitIfPending();
    }
    held.dispose();
    process.exitCode = failures > 0 ? 1 : cancelled > 0 ? 3 : 0;
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`gren-worker: ${message}\n`);
  if (error instanceof Error && error.cause instanceof Error && error.cause.stack)
    process.stderr.write(`${error.cause.stack}\n`);
  process.exitCode = error instanceof GrenError && error.code.startsWith('WORKER_') ? 2 : 1;
});

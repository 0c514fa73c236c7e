#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { runtimeOf } from '../di/active-container';
import { GrenError } from '../errors/gren-error';
import { printUncaughtGrenErrors } from '../errors/print-uncaught-errors';
import { runWorker } from '../runtime/run-worker';
import { GREN_CONFIG } from '../settings/gren-config';
import { slurmWorkerEnvironment } from '../executors/slurm/slurm-worker-environment';

printUncaughtGrenErrors();

/**
 * `gren-worker <payload.json>`: runs one submitted computation (used by ProcessExecutor and
 * SlurmExecutor batch scripts). Exit codes: 0 created or already done, 1 failed, 2 bad
 * input, 3 cancelled, 128+n when stopped by signal n.
 */
const program = new Command('gren-worker')
  .description('Run a gren computation submitted by an executor')
  .argument('<payload>', 'the .gren/worker/<attempt>.json file written by the submitter')
  .option('--backend <name>', 'backend recorded in the attempt', 'process')
  .action(async (payload: string, options: { backend: string }) => {
    const environment = slurmWorkerEnvironment(process.env, GREN_CONFIG) ?? { backend: options.backend, scheduler: { job_id: String(process.pid) } };
    const outcome = await runWorker(runtimeOf(), GREN_CONFIG, payload, environment);
    process.exitCode = outcome === 'cancelled' ? 3 : 0;
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`gren-worker: ${message}\n`);
  if (error instanceof Error && error.cause instanceof Error && error.cause.stack) process.stderr.write(`${error.cause.stack}\n`);
  process.exitCode = error instanceof GrenError && error.code.startsWith('WORKER_') ? 2 : 1;
});

import { GrenComputeError, GrenError, type Executor, type SubmittedJob } from 'gren-ts';
import { Dataset, Ensemble, Evaluate, Explode, LongRun, Parked, Report, Train } from './web-pipelines';

/**
 * Writes the browser suite's store through our library, in a real process (GREN_PATH names
 * the store):
 *   node web-store-client.js seed          the successes, the chain, the ensemble, the report, the failure
 *   node web-store-client.js dataset NAME  one more Dataset (an artifact appearing while a page is open)
 *   node web-store-client.js queue LABEL   a Parked config submitted to ParkingExecutor: stays queued
 *   node web-store-client.js run LABEL     a LongRun config computed here: running until killed
 */

/**
 * A legitimate executor that accepts every job and starts nothing (think of a scheduler
 * whose queue is paused): gren records the attempt as queued, and it stays so.
 */
class ParkingExecutor implements Executor {
  readonly backend = 'parked';

  submit(): Promise<SubmittedJob> {
    return Promise.resolve({ jobId: null, scheduler: { queue: 'paused' } });
  }
}

async function seed(): Promise<Record<string, unknown>> {
  const mnist = new Dataset({ name: 'mnist', rows: 60000 });
  const cifar = new Dataset({ name: 'cifar10', rows: 50000 });
  const fast = new Train({ dataset: mnist, lr: 0.1, epochs: 3 });
  const slow = new Train({ dataset: mnist, lr: 0.01, epochs: 5, optimizer: 'adam' });
  const other = new Train({ dataset: cifar, lr: 0.1, epochs: 3 });
  const evaluate = new Evaluate({ train: fast, split: 'test' });
  const ensemble = new Ensemble({ members: [fast, slow], vote: 'soft' });
  const report = new Report({ title: 'weekly' });
  const results: Record<string, unknown> = {
    evaluate: await evaluate.loadOrCreate(),
    ensemble: await ensemble.loadOrCreate(),
    other: await other.loadOrCreate(),
    report: await report.loadOrCreate(),
  };
  try {
    await new Explode({ step: 7 }).loadOrCreate();
  } catch (error) {
    if (!(error instanceof GrenComputeError)) throw error;
    results.explode = 'failed';
  }
  return results;
}

async function main(): Promise<void> {
  const [mode, argument = 'default'] = process.argv.slice(2);
  switch (mode) {
    case 'seed':
      print(await seed());
      return;
    case 'dataset':
      print({ rows: await new Dataset({ name: argument, rows: 10 }).loadOrCreate() });
      return;
    case 'queue': {
      const job = await new Parked({ label: argument }).loadOrCreate({ executor: new ParkingExecutor() });
      print({ attemptId: job.attemptId, state: await job.state() });
      return;
    }
    case 'run':
      print({ value: await new LongRun({ label: argument }).loadOrCreate() });
      return;
    default:
      throw new Error(`unknown mode ${String(mode)}`);
  }
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

main().catch((error: unknown) => {
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  process.stderr.write(`${code}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(3);
});

import { createGrenContainer, EXECUTOR, GrenError, ProcessExecutor, useGrenContainer } from 'gren-ts';
import { SlowSquare } from './pipelines';

/**
 * node executor-client.js <mode> <x> [sleepMs]
 *   submit-wait  loadOrCreate({ executor: ProcessExecutor }) then job.wait()
 *   submit-only  loadOrCreate({ executor }) and exit at once, printing the job id
 *   via-di       register ProcessExecutor on EXECUTOR and call plain loadOrCreate()
 *   cancel       submit, then job.cancel()
 */
async function main(): Promise<void> {
  const [mode, xText, sleepText] = process.argv.slice(2);
  const config = new SlowSquare({ x: Number(xText), sleepMs: Number(sleepText ?? 100) });
  const executor = new ProcessExecutor();
  if (mode === 'via-di') {
    const container = createGrenContainer();
    container.register(EXECUTOR, { useValue: executor });
    useGrenContainer(container);
    print({ value: await config.loadOrCreate() });
    return;
  }
  const job = await config.loadOrCreate({ executor });
  if (mode === 'submit-only') {
    print({ jobId: job.jobId, attemptId: job.attemptId, state: await job.state() });
    return;
  }
  if (mode === 'cancel') {
    await job.cancel();
    print({ jobId: job.jobId, state: await job.state() });
    return;
  }
  print({ jobId: job.jobId, value: await job.wait({ timeoutSec: 60 }), state: await job.state() });
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

main().catch((error: unknown) => {
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

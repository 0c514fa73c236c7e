import { execFileSync } from 'node:child_process';
import { GrenError, GrenObject, SlurmExecutor, type SlurmOptions } from 'gren-ts';
import { Checkpointed, FailingJob, SlowSquare } from './pipelines';

/**
 * node slurm-client.js <mode> <class> <arg> [workMs] [slurmOptionsJson]
 *   wait    submit to SLURM (or attach to the running job) and wait for the result
 *   submit  submit and exit, printing the job id
 *   load    plain loadOrCreate() in this process (no executor)
 *   scancel submit, wait until the job runs, cancel it with the real `scancel`, then wait
 * Prints one JSON line; on failure `{ "error": code, "message": ... }` and exit code 3.
 */
async function main(): Promise<void> {
  const [mode, className, arg, workText, optionsText] = process.argv.slice(2);
  const config = build(className ?? '', arg ?? '', Number(workText ?? 100));
  const executor = new SlurmExecutor(JSON.parse(optionsText ?? '{}') as SlurmOptions);
  if (mode === 'load') {
    print({ value: await config.loadOrCreate() });
    return;
  }
  const job = await config.loadOrCreate({ executor });
  if (mode === 'submit') {
    print({ jobId: job.jobId, attemptId: job.attemptId });
    return;
  }
  if (mode === 'scancel') {
    while ((await job.state()) !== 'running') await new Promise((resolve) => setTimeout(resolve, 500));
    execFileSync('scancel', [job.jobId ?? '']);
  }
  print({ jobId: job.jobId, value: await job.wait({ timeoutSec: 240 }) });
}

function build(className: string, arg: string, workMs: number): GrenObject<unknown> {
  switch (className) {
    case 'SlowSquare':
      return new SlowSquare({ x: Number(arg), sleepMs: workMs });
    case 'FailingJob':
      return new FailingJob({ message: arg });
    case 'Checkpointed':
      return new Checkpointed({ x: Number(arg), workMs });
    default:
      throw new Error(`unknown class ${className}`);
  }
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

main().catch((error: unknown) => {
  print({
    error: error instanceof GrenError ? error.code : 'UNEXPECTED',
    message: error instanceof Error ? error.message : String(error),
  });
  process.exit(3);
});

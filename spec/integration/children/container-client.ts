import { createGrenContainer, GREN_CONFIG, GrenError, ProcessExecutor } from 'gren-ts';
import { SlowSquare } from './pipelines';

/**
 * node container-client.js <other store> <x>: GREN_PATH names the active container's store;
 * submits SlowSquare to a ProcessExecutor in a second container rooted at <other store>,
 * then waits for the job outside that loadOrCreate call.
 */
async function main(): Promise<void> {
  const [otherStore, xText] = process.argv.slice(2);
  const container = createGrenContainer({
    settings: { ...GREN_CONFIG, forceRecompute: new Set(), basePath: otherStore! },
  });
  const config = new SlowSquare({ x: Number(xText), sleepMs: 10 });
  const job = await config.loadOrCreate({ executor: new ProcessExecutor(), container });
  const value = await job.wait({ timeoutSec: 60 });
  process.stdout.write(`${JSON.stringify({ value, activeGrenDir: config.grenDir })}\n`);
}

main().catch((error: unknown) => {
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

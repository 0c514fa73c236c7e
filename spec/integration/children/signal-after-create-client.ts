import { SlowSquare } from './pipelines';

/**
 * Creates SlowSquare({x}) (sleepMs 0), then, right after loadOrCreate returned:
 *   node signal-after-create-client.js <x> raise         sends itself SIGTERM at once;
 *   node signal-after-create-client.js <x> own-listener  the same, with a SIGTERM listener of its own;
 *   node signal-after-create-client.js <x> count         prints the SIGTERM and SIGINT listeners
 *                                                         once the event loop turned.
 */
async function main(): Promise<void> {
  const [x = '1', mode = 'raise'] = process.argv.slice(2);
  if (mode === 'own-listener') process.on('SIGTERM', () => process.stdout.write('own listener\n'));
  await new SlowSquare({ x: Number(x), sleepMs: 0 }).loadOrCreate();
  if (mode === 'count') {
    await new Promise((resolve) => setImmediate(resolve));
    const counts = { SIGTERM: process.listenerCount('SIGTERM'), SIGINT: process.listenerCount('SIGINT') };
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    return;
  }
  process.kill(process.pid, 'SIGTERM');
  // Long enough for the signal to arrive; a process the signal killed never gets here.
  await new Promise((resolve) => setTimeout(resolve, 500));
  process.stdout.write('alive\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

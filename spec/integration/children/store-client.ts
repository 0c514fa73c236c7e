import { getGrenContainer, GrenError } from 'gren-ts';
import { SlowSquare } from './pipelines';

/**
 * A child process for the store's multi-process tests:
 *   node store-client.js <x,...> [sleepMs]
 * loads or creates SlowSquare for each x (in order) and prints one JSON line of results.
 */
async function main(): Promise<void> {
  const xs = (process.argv[2] ?? '').split(',').filter(Boolean).map(Number);
  const sleepMs = Number(process.argv[3] ?? 200);
  getGrenContainer();
  const results: number[] = [];
  for (const x of xs) results.push(await new SlowSquare({ x, sleepMs }).loadOrCreate());
  process.stdout.write(`${JSON.stringify({ pid: process.pid, results })}\n`);
}

main().catch((error: unknown) => {
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

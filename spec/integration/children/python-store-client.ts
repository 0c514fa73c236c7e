import { getGrenContainer, GrenError } from 'gren-ts';
import { Leaf } from './python-store-v2.js';

/**
 * node python-store-client.js <value> <name>: loads or creates the changed Leaf of the
 * Python reference store and prints `{ "value": ..., "dir": grenDir }`.
 */
async function main(): Promise<void> {
  getGrenContainer();
  const leaf = new Leaf({ value: Number(process.argv[2]), name: process.argv[3] ?? 'leaf' });
  const value = await leaf.loadOrCreate();
  process.stdout.write(`${JSON.stringify({ value, dir: leaf.grenDir, hash: leaf.grenHash })}\n`);
}

main().catch((error: unknown) => {
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

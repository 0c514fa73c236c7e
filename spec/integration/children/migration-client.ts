import { getGrenContainer, GrenError, ProcessExecutor, type GrenObject } from 'gren-ts';

/**
 * A child process for the migration tests:
 *   node migration-client.js <v1|v2|v3|python-v2> <class> [init as JSON]
 * loads the classes as that version declares them, loads or creates one config, and prints
 * one JSON line `{ "value": ..., "dir": grenDir, "hash", "existed": exists() before loading }`.
 */
async function main(): Promise<void> {
  const [version, className, init] = process.argv.slice(2);
  const module = (await loadVersion(version)) as {
    classes: Record<string, new (init?: unknown) => GrenObject<string>>;
  };
  const cls = module.classes[className ?? ''];
  if (!cls) throw new Error(`unknown class ${className}`);
  getGrenContainer();
  const object = new cls(init ? JSON.parse(init) : undefined);
  const existed = await object.exists();
  // SPEC_EXECUTOR=process: a gren-worker process computes (or reuses) it, as a sweep's would.
  const value =
    process.env.SPEC_EXECUTOR === 'process'
      ? await (await object.loadOrCreate({ executor: new ProcessExecutor() })).wait({ timeoutSec: 60 })
      : await object.loadOrCreate();
  process.stdout.write(`${JSON.stringify({ value, dir: object.grenDir, hash: object.grenHash, existed })}\n`);
}

/** v1, v2, v3: migration-v1.ts, -v2.ts and -v3.ts; python-v2: the Python reference store's classes, changed (python-store-v2.ts). */
function loadVersion(version: string | undefined): Promise<unknown> {
  if (version === 'v2') return import('./migration-v2.js');
  if (version === 'v3') return import('./migration-v3.js');
  if (version === 'python-v2') return import('./python-store-v2.js');
  return import('./migration-v1.js');
}

main().catch((error: unknown) => {
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

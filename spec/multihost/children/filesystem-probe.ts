import * as fs from 'node:fs';
import * as path from 'node:path';
import { getGrenContainer } from 'gren-ts';
import { Base } from './host-pipelines';

/** The compiled library's internals (outside the package's exports): the same module instances `gren-ts` uses. */
function internal<T>(file: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.resolve(__dirname, '..', '..', '..', '..', 'lib', 'dist', 'storage', file)) as T;
}

const { successStates } = internal<{ successStates: { size: number } }>('success-state-cache.js');
const { isOnLocalFilesystem } = internal<{ isOnLocalFilesystem(dir: string): boolean }>('filesystem-kind.js');

/**
 * node filesystem-probe.js <k>
 * Creates Base k, waits past the success-state cache's racy window, reads the result again
 * (cache hit and exists()), then prints what the cache-hit shortcut decided:
 * { statfsType, local, cachedStates }.
 */
async function main(): Promise<void> {
  getGrenContainer();
  const base = new Base({ k: Number(process.argv[2] ?? 0) });
  await base.loadOrCreate();
  await new Promise((resolve) => setTimeout(resolve, 2200));
  await base.loadOrCreate();
  await base.exists();
  const report = {
    statfsType: fs.statfsSync(base.grenDir).type,
    local: isOnLocalFilesystem(base.grenDir),
    cachedStates: successStates.size,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

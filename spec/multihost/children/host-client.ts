import * as os from 'node:os';
import { createGrenContainer, getGrenContainer, GrenError, useGrenContainer } from 'gren-ts';
import { configOf } from './host-pipelines';

/**
 * A process on a simulated host:
 *   node host-client.js <id,...> [workMs]
 * loads or creates each config (see configOf) in order, then prints one JSON line:
 * { host, pid, results: { id: value }, finishedAt } (finishedAt: epoch ms when the last returned).
 * SPEC_CLOCK_SKEW_SECS shifts this process's gren clock (state times, leases), as a host whose
 * clock runs ahead (positive) or behind would.
 */
async function main(): Promise<void> {
  const ids = (process.argv[2] ?? '').split(',').filter(Boolean);
  const workMs = Number(process.argv[3] ?? 1000);
  const bases = Number(process.env.SPEC_BASES ?? 20);
  const skewMs = Number(process.env.SPEC_CLOCK_SKEW_SECS ?? 0) * 1000;
  if (skewMs !== 0) useGrenContainer(createGrenContainer({ clock: { now: () => new Date(Date.now() + skewMs) } }));
  getGrenContainer();
  const results: Record<string, unknown> = {};
  for (const id of ids) results[id] = await configOf(id, bases, workMs).loadOrCreate();
  process.stdout.write(
    `${JSON.stringify({ host: os.hostname(), pid: process.pid, results, finishedAt: Date.now() })}\n`,
  );
}

main().catch((error: unknown) => {
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

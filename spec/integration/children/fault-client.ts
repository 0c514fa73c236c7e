import { createGrenContainer, GrenError, STATE_STORE, type Clock, type GrenContainerOverrides } from 'gren-ts';
import * as fs from 'node:fs';
import { Faulty, faultRun, stopHere, type KillPoint } from './fault-pipelines';

/**
 * A child process for the fault specs:
 *   node fault-client.js <kill point> <x>
 * loads or creates Faulty({x}) and prints `{"pid", "value"}`. With a kill point it stops there
 * instead and waits for the test's SIGKILL (fault-pipelines.ts). The points are reached through
 * the class's own `_create` and a StateStore given to createGrenContainer — production code has
 * no test hooks:
 * - after-attempt: the compute lock is held and the running attempt recorded (before metadata);
 * - after-metadata: metadata.json is written (the first thing `_create` sees);
 * - after-create: `_create` returned its value (before SUCCESS.json);
 * - after-marker: SUCCESS.json is written, the state does not record success yet (the library
 *   renames the marker, then the state, in one batch; this is a crash between the two).
 */
faultRun.killPoint = (process.argv[2] ?? 'none') as KillPoint;
const x = Number(process.argv[3] ?? 1);

type StateStore = NonNullable<GrenContainerOverrides['stateStore']>;
type StateStoreClass = new (clock: Clock) => StateStore;
type UpdateLocked = StateStore['updateLocked'];

/** The library's StateStore class (not part of the public surface; its instances are, through DI). */
const BaseStateStore = createGrenContainer().resolve(STATE_STORE).constructor as StateStoreClass;

/** Stops at the kill points that lie between state.json reads and writes. */
class KillPointStateStore extends BaseStateStore {
  override updateLocked(...[paths, mutate, before = [], current]: Parameters<UpdateLocked>): ReturnType<UpdateLocked> {
    // Recording success is the one update that writes the marker with the state.
    if (faultRun.createReturned && before.some(({ file }) => file === paths.success)) {
      stopHere('after-create');
      for (const { file, text } of before) fs.writeFileSync(file, text);
      stopHere('after-marker');
    }
    const outcome = super.updateLocked(paths, mutate, before, current);
    const attempt = outcome.state.attempt;
    if (outcome.changed && attempt?.status === 'running' && attempt.owner.pid === process.pid)
      stopHere('after-attempt');
    return outcome;
  }
}

async function main(): Promise<void> {
  const clock: Clock = { now: () => new Date() };
  const container = createGrenContainer({ stateStore: new KillPointStateStore(clock) });
  const value = await new Faulty({ x }).loadOrCreate({ container });
  process.stdout.write(`${JSON.stringify({ pid: process.pid, value })}\n`);
}

main().catch((error: unknown) => {
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});

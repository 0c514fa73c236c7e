/**
 * A child process of the create benchmark:
 *   node -r ts-node/register/transpile-only create-loop.ts <count> <label> [with-floor]
 * creates `count` fresh trivial artifacts one after another in GREN_PATH (console at
 * WARNING) and prints one JSON line: the time of each create (ms), and how much of it went
 * to fsync. Its working directory is a git repository, as a user's would be. With
 * `with-floor`, after each create it makes the same files without gren (create-floor.ts) in GREN_PATH/floor, so the
 * floor is measured on the same disk under the same load, create by create.
 */
// The module object itself (not an import copy): the library's fsync calls go through it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require('node:fs');
import * as path from 'node:path';
import { Field, getGrenContainer, Gren, GrenObject, GREN_CONFIG, MISSING } from 'gren-ts';
import { createFloorArtifact } from './create-floor';

@Gren({ namespace: 'bench.TrivialArtifact' })
class TrivialArtifact extends GrenObject<number, TrivialArtifact> {
  @Field() label: string = MISSING;
  @Field() i: number = MISSING;

  protected _create(): number {
    return this.i;
  }

  protected _load(): number {
    return this.i;
  }
}

/** Wraps fs.fsyncSync to add up the time spent in it. */
function countFsync(): { ms: number; calls: number } {
  const total = { ms: 0, calls: 0 };
  const original = fs.fsyncSync;
  fs.fsyncSync = (fd: number) => {
    const started = process.hrtime.bigint();
    try {
      original(fd);
    } finally {
      total.ms += Number(process.hrtime.bigint() - started) / 1e6;
      total.calls += 1;
    }
  };
  return total;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200);
  const label = process.argv[3] ?? 'run';
  const withFloor = process.argv[4] === 'with-floor';
  getGrenContainer();
  GREN_CONFIG.logLevel = 'WARNING';
  // Untimed warm-up: module loading, the first git metadata collection, the namespace folders.
  for (let i = 0; i < 5; i += 1) await new TrivialArtifact({ label: `${label}-warmup`, i }).loadOrCreate();
  const floorRoot = path.join(process.env.GREN_PATH ?? '.', 'floor', label);
  if (withFloor) {
    fs.mkdirSync(floorRoot, { recursive: true });
    for (let i = 0; i < 5; i += 1) createFloorArtifact(floorRoot, -1 - i);
  }
  const fsync = countFsync();
  const createsMs: number[] = [];
  const floorMs: number[] = [];
  let totalMs = 0;
  let floorFsync = { ms: 0, calls: 0 };
  for (let i = 0; i < count; i += 1) {
    const artifact = new TrivialArtifact({ label, i });
    const before = process.hrtime.bigint();
    await artifact.loadOrCreate();
    createsMs.push(Number(process.hrtime.bigint() - before) / 1e6);
    totalMs += createsMs[i] as number;
    if (!withFloor) continue;
    const fsyncBefore = { ...fsync };
    const floorBefore = process.hrtime.bigint();
    createFloorArtifact(floorRoot, i);
    floorMs.push(Number(process.hrtime.bigint() - floorBefore) / 1e6);
    floorFsync = {
      ms: floorFsync.ms + fsync.ms - fsyncBefore.ms,
      calls: floorFsync.calls + fsync.calls - fsyncBefore.calls,
    };
  }
  const output = {
    createsMs,
    totalMs,
    fsyncMs: fsync.ms - floorFsync.ms,
    fsyncCalls: fsync.calls - floorFsync.calls,
    floorMs,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

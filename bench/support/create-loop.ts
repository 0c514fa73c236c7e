/**
 * A child process of the create benchmark:
 *   node -r ts-node/register/transpile-only create-loop.ts <count> <label>
 * creates `count` fresh trivial artifacts one after another in GREN_PATH (console at
 * WARNING) and prints one JSON line: the time of each create (ms), and how much of it went
 * to fsync. Its working directory is a git repository, as a user's would be.
 */
// The module object itself (not an import copy): the library's fsync calls go through it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require('node:fs');
import { Field, getGrenContainer, Gren, GrenObject, GREN_CONFIG, MISSING } from 'gren-ts';

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
  getGrenContainer();
  GREN_CONFIG.logLevel = 'WARNING';
  // Untimed warm-up: module loading, the first git metadata collection, the namespace folders.
  for (let i = 0; i < 5; i += 1) await new TrivialArtifact({ label: `${label}-warmup`, i }).loadOrCreate();
  const fsync = countFsync();
  const createsMs: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    const artifact = new TrivialArtifact({ label, i });
    const before = process.hrtime.bigint();
    await artifact.loadOrCreate();
    createsMs.push(Number(process.hrtime.bigint() - before) / 1e6);
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ createsMs, totalMs, fsyncMs: fsync.ms, fsyncCalls: fsync.calls })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

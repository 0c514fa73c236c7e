/**
 * The other process of the load benchmark (bench/load.bench.ts): creates artifacts in the
 * store with the real library (loadOrCreate: lock, state, metadata, _create, marker) while the
 * dashboard is under load, until its stdin closes. Every `everyMs` one new artifact; prints
 * `started` after the first one, and how many it created at the end.
 *   GREN_PATH=<store> node -r ts-node/register/transpile-only bench/support/load-writer.ts <everyMs>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Gren, GrenObject, MISSING } from 'gren-ts';

@Gren({ namespace: 'bench.load.Written' })
class Written extends GrenObject<number, Written> {
  @Field({ type: Number }) index: number = MISSING;
  @Field({ type: String }) run: string = MISSING;

  protected _create(): number {
    fs.writeFileSync(path.join(this.grenDir, 'value.json'), JSON.stringify(this.index));
    this.log(`wrote ${this.index}`);
    return this.index;
  }

  protected _load(): number {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'value.json'), 'utf8')) as number;
  }
}

async function main(): Promise<void> {
  const everyMs = Number(process.argv[2] ?? 50);
  const run = `${process.pid}-${Date.now()}`;
  let created = 0;
  let stopping = false;
  // Stop after the current artifact once the parent closes stdin (a signal would preempt it).
  process.stdin.on('end', () => {
    stopping = true;
  });
  process.stdin.resume();
  while (!stopping) {
    const started = Date.now();
    await new Written({ index: created, run }).loadOrCreate();
    created += 1;
    if (created === 1) process.stdout.write('started\n');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - started))));
  }
  process.stdout.write(`${JSON.stringify({ created })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

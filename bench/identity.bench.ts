/**
 * Identity benchmark (issue 2): how long hashing, construction and toDict() take for the
 * 50-field, 3-level `bench_outer50` config of the hash vectors, and for a 2-field config.
 *
 * It measures the COMPILED library (`gren` resolves to lib/dist through the workspace link),
 * so build first: `npm run build -w lib`. Run alone with
 * `npx ts-node --transpile-only bench/identity.bench.ts` (prints JSON), or through
 * `npm run bench`, which calls `run()`.
 *
 * Method: warm up, then time several batches of many iterations and report the median of
 * the batch means (plus the fastest and slowest batch). Objects whose first hash is timed
 * are built before the timed region, so only the first `grenHash` read is measured.
 */
import * as path from 'node:path';
import { blake2s } from '@noble/hashes/blake2.js';
import { Field, Float, Gren, GrenObject, GrenSerializer } from 'gren';
import { BenchOuter } from '../spec/support/refstore-classes';

/** The 2-field config of the "small config" figure. */
@Gren({ namespace: 'bench.identity.SmallConfig' })
class SmallConfig extends GrenObject<string, SmallConfig> {
  @Field() name: string = 'toy';
  @Field({ type: Float }) lr: number = 1e-3;

  protected _create(): string {
    return 'created';
  }

  protected _load(): string {
    return 'loaded';
  }
}

export interface Figure {
  /** Median over batches of the mean time per operation, in microseconds. */
  medianUs: number;
  minUs: number;
  maxUs: number;
  batches: number;
  iterationsPerBatch: number;
}

interface Plan {
  batches: number;
  warmup: number;
}

const TARGETS_US = { freshHash50: 40, freshHashSmall: 6, memoizedHash: 0.1 } as const;

let sink: unknown;

function now(): bigint {
  return process.hrtime.bigint();
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function summarize(means: number[], iterations: number): Figure {
  const round = (us: number): number => Number(us.toFixed(us < 1 ? 4 : 2));
  return {
    medianUs: round(median(means)),
    minUs: round(Math.min(...means)),
    maxUs: round(Math.max(...means)),
    batches: means.length,
    iterationsPerBatch: iterations,
  };
}

/** Times `operation(i)` n times per batch; nothing else runs inside the timed loop. */
function measure(plan: Plan, iterations: number, operation: (i: number) => unknown): Figure {
  for (let i = 0; i < plan.warmup; i++) sink = operation(i % iterations);
  const means: number[] = [];
  for (let batch = 0; batch < plan.batches; batch++) {
    collectGarbage();
    const start = now();
    for (let i = 0; i < iterations; i++) sink = operation(i);
    means.push(Number(now() - start) / 1000 / iterations);
  }
  return summarize(means, iterations);
}

/**
 * Times `operation` on fresh objects: each batch gets its own objects, built (untimed) just
 * before the batch starts, so a first, unmemoized read is what is measured.
 */
function measureFresh<T>(plan: Plan, iterations: number, build: () => T, operation: (object: T) => unknown): Figure {
  for (let i = 0; i < plan.warmup; i++) sink = operation(build());
  const means: number[] = [];
  for (let batch = 0; batch < plan.batches; batch++) {
    const objects = Array.from({ length: iterations }, build);
    collectGarbage();
    const start = now();
    for (let i = 0; i < iterations; i++) sink = operation(objects[i] as T);
    means.push(Number(now() - start) / 1000 / iterations);
  }
  return summarize(means, iterations);
}

export function run(): Promise<Record<string, unknown>> {
  const plan: Plan = { batches: 21, warmup: 3000 };
  const outer = new BenchOuter();
  const json = GrenSerializer.canonicalJson(outer);
  const bytes = Buffer.from(json, 'latin1');
  const newOuter = (): BenchOuter => new BenchOuter();
  const firstHash = (object: GrenObject): string => object.grenHash;

  const results = {
    freshHash50: measureFresh(plan, 500, newOuter, firstHash),
    freshHashSmall: measureFresh(plan, 5000, () => new SmallConfig(), firstHash),
    memoizedHash: measure(plan, 1_000_000, () => outer.grenHash),
    construct50: measure(plan, 500, newOuter),
    toDict50: measure(plan, 1000, () => outer.toDict()),
    canonicalJson50: measureFresh(plan, 500, newOuter, (object) => GrenSerializer.canonicalJson(object)),
    digestOnly50: measure(plan, 1000, () => GrenSerializer.digest(json)),
    blake2sOnly50: measure(plan, 1000, () => blake2s(bytes, { dkLen: 10 })),
  };
  void sink;
  return Promise.resolve({
    benchmark: 'identity',
    library: require.resolve('gren').includes(`${path.sep}dist${path.sep}`)
      ? 'lib/dist (compiled)'
      : require.resolve('gren'),
    node: process.version,
    gcBetweenBatches: typeof (globalThis as { gc?: unknown }).gc === 'function',
    canonicalJsonBytes: bytes.length,
    unit: 'microseconds per operation (median of batch means)',
    results,
    targetsUs: TARGETS_US,
    targetsMet: {
      freshHash50: results.freshHash50.medianUs <= TARGETS_US.freshHash50,
      freshHashSmall: results.freshHashSmall.medianUs <= TARGETS_US.freshHashSmall,
      memoizedHash: results.memoizedHash.medianUs <= TARGETS_US.memoizedHash,
    },
  });
}

if (require.main === module) {
  run().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

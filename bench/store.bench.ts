/**
 * Store benchmark: what a cache hit costs. `loadOrCreate()` of an artifact that
 * already succeeded (same instance, and a fresh instance each time), `exists()`, and the
 * floor a hit cannot beat: `readFileSync` + `JSON.parse` of that artifact's state.json. Also
 * the cache hit of the 50-field `bench_outer50` config.
 *
 * It measures the COMPILED library (`gren` resolves to lib/dist through the workspace link),
 * so build first: `npm run build -w lib`. Run alone with
 * `npx ts-node --transpile-only bench/store.bench.ts` (prints JSON), or through
 * `npm run bench`, which calls `run()`.
 *
 * Method: a temporary store; each artifact is created once (untimed). Warm up, then time
 * several batches of many awaited calls and report the median of the batch means (plus the
 * fastest and slowest batch). Fresh instances are built before each batch, outside the timed
 * region; their construction is reported on its own. During the timing GREN_CONFIG.logLevel
 * is WARNING, so the console INFO line `load_or_create <Class> <hash>` is not written; the
 * `withInfoConsoleLine` figures repeat the hits at INFO with the console going to a
 * discarded stream (`configureLogging({ write: () => {} })`), which adds the caller-location
 * stack capture and the formatting of that line.
 *
 * A successful state.json is kept parsed in memory while stat() shows the same file, once
 * the file is older than a 2 s racy window (lib/src/storage/success-state-cache.ts), so the
 * benchmark waits that long after creating the artifacts. The `...ReadingFile` figures clear
 * that cache before every call: what a hit costs on a network filesystem, where it is off.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configureLogging, GREN_CONFIG, type GrenObject } from 'gren-ts';
import { BenchOuter } from '../spec/support/refstore-classes';
import { blake2sReady } from '../lib/dist/identity/blake2s-digest';
import { successStates } from '../lib/dist/storage/success-state-cache';
import { SmallConfig } from './support/small-config';
import { printWhenMain } from './support/print-when-main';

/** Longer than the success-state cache's racy window. */
const RACY_WINDOW_WAIT_MS = 2100;

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

const TARGETS = { cacheHitUs: 25, cacheHitOverFloor: 3, existsUs: 10 } as const;

let sink: unknown;

function now(): bigint {
  return process.hrtime.bigint();
}

/**
 * A minor (young-generation) collection before each batch clears what building its objects
 * left behind; a full one would also cool the caches and make every batch start cold.
 */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
  if (gc) gc({ type: 'minor' });
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

/** Times `operation` (awaited) `iterations` times per batch on the objects `build` made before the batch. */
async function measure<T>(
  plan: Plan,
  iterations: number,
  build: (i: number) => T,
  operation: (object: T) => unknown,
): Promise<Figure> {
  const warm = Array.from({ length: Math.min(plan.warmup, iterations) }, (_, i) => build(i));
  for (let i = 0; i < plan.warmup; i++) sink = await operation(warm[i % warm.length] as T);
  const means: number[] = [];
  for (let batch = 0; batch < plan.batches; batch++) {
    const objects = Array.from({ length: iterations }, (_, i) => build(i));
    collectGarbage();
    const start = now();
    for (let i = 0; i < iterations; i++) sink = await operation(objects[i] as T);
    means.push(Number(now() - start) / 1000 / iterations);
  }
  return summarize(means, iterations);
}

/** Times `operation` (synchronous) as `measure` does. */
function measureSync(plan: Plan, iterations: number, operation: () => unknown): Figure {
  for (let i = 0; i < plan.warmup; i++) sink = operation();
  const means: number[] = [];
  for (let batch = 0; batch < plan.batches; batch++) {
    collectGarbage();
    const start = now();
    for (let i = 0; i < iterations; i++) sink = operation();
    means.push(Number(now() - start) / 1000 / iterations);
  }
  return summarize(means, iterations);
}

export async function run(): Promise<Record<string, unknown>> {
  const saved = { ...GREN_CONFIG, forceRecompute: new Set(GREN_CONFIG.forceRecompute) };
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-store-bench-'));
  const plan: Plan = { batches: 21, warmup: 2000 };
  try {
    Object.assign(GREN_CONFIG, {
      basePath: store,
      ignoreDiff: true,
      logLevel: 'WARNING',
      forceRecompute: new Set<string>(),
    });
    configureLogging({ write: () => undefined, color: false });
    const small = new SmallConfig();
    const outer = new BenchOuter();
    await blake2sReady;
    await small.loadOrCreate();
    await outer.loadOrCreate();
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_WAIT_MS));
    const stateFile = path.join(small.grenDir, '.gren', 'state.json');
    const stateBefore = fs.statSync(stateFile).mtimeMs;
    const same =
      <T>(object: T) =>
      (): T =>
        object;
    const hit = (object: GrenObject): unknown => object.loadOrCreate();

    const results = {
      cacheHitSameInstance: await measure(plan, 2000, same(small), hit),
      cacheHitFreshInstance: await measure(plan, 2000, () => new SmallConfig(), hit),
      constructFreshInstance: measureSync(plan, 2000, () => new SmallConfig()),
      exists: await measure(plan, 2000, same(small), (object) => object.exists()),
      cacheHitSameInstanceReadingFile: await measure(plan, 2000, same(small), (object) => {
        successStates.clear();
        return object.loadOrCreate();
      }),
      existsReadingFile: await measure(plan, 2000, same(small), (object) => {
        successStates.clear();
        return object.exists();
      }),
      floorReadParseStateJson: measureSync(plan, 2000, () => JSON.parse(fs.readFileSync(stateFile, 'utf8'))),
      cacheHitOuter50SameInstance: await measure(plan, 1000, same(outer), hit),
      cacheHitOuter50FreshInstance: await measure(plan, 500, () => new BenchOuter(), hit),
      constructOuter50: measureSync(plan, 500, () => new BenchOuter()),
    };

    GREN_CONFIG.logLevel = 'INFO';
    const withInfoConsoleLine = {
      cacheHitSameInstance: await measure(plan, 2000, same(small), hit),
      cacheHitFreshInstance: await measure(plan, 2000, () => new SmallConfig(), hit),
      cacheHitOuter50SameInstance: await measure(plan, 1000, same(outer), hit),
    };
    const untouched = fs.statSync(stateFile).mtimeMs === stateBefore;
    void sink;

    const hitUs = results.cacheHitSameInstance.medianUs;
    const floorUs = results.floorReadParseStateJson.medianUs;
    return {
      benchmark: 'store',
      library: require.resolve('gren-ts').includes(`${path.sep}dist${path.sep}`)
        ? 'lib/dist (compiled)'
        : require.resolve('gren-ts'),
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      gcBetweenBatches: typeof (globalThis as { gc?: unknown }).gc === 'function',
      logging:
        "GREN_CONFIG.logLevel = 'WARNING' during `results` (the INFO console line of each hit is not written); `withInfoConsoleLine` uses INFO with the console written to a discarded stream",
      unit: 'microseconds per operation (median of batch means)',
      results,
      withInfoConsoleLine,
      ratios: {
        cacheHitOverFloor: Number((hitUs / floorUs).toFixed(2)),
        cacheHitFreshOverFloor: Number((results.cacheHitFreshInstance.medianUs / floorUs).toFixed(2)),
        infoLineCostUs: Number((withInfoConsoleLine.cacheHitSameInstance.medianUs - hitUs).toFixed(2)),
      },
      stateJsonUntouchedByHits: untouched,
      targets: TARGETS,
      targetsMet: {
        cacheHitUs: hitUs <= TARGETS.cacheHitUs,
        cacheHitFreshUs: results.cacheHitFreshInstance.medianUs <= TARGETS.cacheHitUs,
        cacheHitOverFloor: hitUs <= TARGETS.cacheHitOverFloor * floorUs,
        existsUs: results.exists.medianUs <= TARGETS.existsUs,
      },
    };
  } finally {
    Object.assign(GREN_CONFIG, saved);
    configureLogging({});
    fs.rmSync(store, { recursive: true, force: true });
  }
}

printWhenMain(module, run);

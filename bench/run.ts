/**
 * `npm run bench`: runs every benchmark of bench/ in one process (against the compiled
 * library), prints all figures as one JSON document on stdout, then a short table of the
 * figures the issues set targets for on stderr. This machine is shared and noisy: read the
 * ratios measured within one run, and rerun before trusting an absolute figure.
 *
 * GREN_BENCH_ONLY=identity,store limits the run to some benchmarks.
 */
import * as os from 'node:os';

interface Bench {
  name: string;
  /** The module's file, loaded with require so ts-node compiles it like the rest. */
  file: string;
}

const BENCHES: Bench[] = [
  { name: 'identity', file: './identity.bench' },
  { name: 'store', file: './store.bench' },
  { name: 'dashboardApi', file: './dashboard-api.bench' },
  { name: 'web', file: './web.bench' },
  { name: 'load', file: './load.bench' },
  { name: 'create', file: './create.bench' },
  { name: 'sweep', file: './sweep.bench' },
];

interface Row {
  figure: string;
  path: string;
  target: string;
}

/** The figures with targets (issues 2, 3, 5, 6, 8, 18), looked up by path; missing ones print n/a. */
const ROWS: Row[] = [
  { figure: 'hash of a fresh 50-field config (µs)', path: 'identity.results.freshHash50.medianUs', target: '≤ 40' },
  { figure: '  same, fastest 10% of batches (µs)', path: 'identity.results.freshHash50.p10Us', target: '≤ 40' },
  {
    figure: '  same, relative to noble blake2s alone',
    path: 'identity.relativeToNobleBlake2s.freshHash50',
    target: '≤ 1.33 (40 of 30 µs)',
  },
  { figure: 'hash of a fresh 2-field config (µs)', path: 'identity.results.freshHashSmall.medianUs', target: '≤ 6' },
  { figure: 'memoized hash read (µs)', path: 'identity.results.memoizedHash.medianUs', target: '≤ 0.1' },
  { figure: 'cache hit, same instance (µs)', path: 'store.results.cacheHitSameInstance.medianUs', target: '≤ 25' },
  { figure: 'cache hit / floor (ratio)', path: 'store.ratios.cacheHitOverFloor', target: '≤ 3' },
  { figure: 'exists() (µs)', path: 'store.results.exists.medianUs', target: '≤ 10' },
  {
    figure: '  cache hit reading state.json (network fs) (µs)',
    path: 'store.results.cacheHitSameInstanceReadingFile.medianUs',
    target: 'reported',
  },
  {
    figure: '  exists() reading state.json (µs)',
    path: 'store.results.existsReadingFile.medianUs',
    target: 'reported',
  },
  { figure: '10k: list (ms)', path: 'dashboardApi.results.10000.warm.list50.medianMs', target: '≤ 15' },
  { figure: '10k: stats (ms)', path: 'dashboardApi.results.10000.warm.stats.medianMs', target: '≤ 20' },
  { figure: '10k: dag (ms)', path: 'dashboardApi.results.10000.warm.dag.medianMs', target: '≤ 40' },
  { figure: '100k: list (ms)', path: 'dashboardApi.results.100000.warm.list50.medianMs', target: '≤ 100' },
  {
    figure: '100k: first detail, reading every result link (ms)',
    path: 'dashboardApi.results.100000.firstDetailMs',
    target: 'reported',
  },
  { figure: '100k: dag (ms)', path: 'dashboardApi.results.100000.warm.dag.medianMs', target: '≤ 100' },
  {
    figure: '100k: timeline of 1,000 experiments (ms)',
    path: 'dashboardApi.results.100000.warm.timeline1000.medianMs',
    target: '≤ 200',
  },
  {
    figure: '100k: page, 3 config + 2 result columns (ms)',
    path: 'dashboardApi.results.100000.columns.columnsPage.medianMs',
    target: '≤ 50',
  },
  {
    figure: '  same, sorted by a result column (ms)',
    path: 'dashboardApi.results.100000.columns.columnsPageSorted.medianMs',
    target: 'reported',
  },
  {
    figure: '100k: scatter data, 10,000 points (ms)',
    path: 'dashboardApi.results.100000.columns.plot10k.medianMs',
    target: '≤ 200',
  },
  {
    figure: '  same, first after a store change (ms)',
    path: 'dashboardApi.results.100000.columns.recomputePlot10kMs',
    target: '≤ 200',
  },
  {
    figure: '100k: cold index, first list (ms)',
    path: 'dashboardApi.results.100000.coldFirstListMs',
    target: '≤ 3000',
  },
  { figure: 'web: first rows on 10k (ms)', path: 'web.firstRowsMs.medianMs', target: '≤ 1500' },
  { figure: 'web: initial JS (KB gzip)', path: 'web.initialJsGzipKb', target: '≤ 400' },
  { figure: 'load: errors under 50 clients', path: 'load.errors', target: '0' },
  { figure: 'load: p99 latency (ms)', path: 'load.latencyMs.p99', target: 'reported' },
  { figure: 'create, local disk (ms)', path: 'create.local.medianMs', target: '≤ 2' },
  { figure: '  local filesystem', path: 'create.disk.summary', target: 'reported' },
  { figure: '  new empty file there, before the run (µs)', path: 'create.disk.newFileUs', target: 'reported' },
  { figure: '  of which fsync (ms)', path: 'create.local.fsyncMsPerCreate', target: 'reported' },
  { figure: '  floor: same files, plain Node (ms)', path: 'create.local.floorMedianMs', target: 'reported' },
  { figure: '  create / floor (ratio)', path: 'create.local.medianOverFloor', target: 'reported' },
  { figure: '  first quarter of each run (ms)', path: 'create.local.firstQuarterMedianMs', target: 'reported' },
  { figure: '  last quarter of each run (ms)', path: 'create.local.lastQuarterMedianMs', target: 'reported' },
  { figure: '  floor, first quarter (ms)', path: 'create.local.floorFirstQuarterMedianMs', target: 'reported' },
  { figure: '  floor, last quarter (ms)', path: 'create.local.floorLastQuarterMedianMs', target: 'reported' },
  { figure: 'create, Python gren (ms)', path: 'create.python.medianMs', target: 'reported' },
  { figure: '  ours / Python (ratio)', path: 'create.python.oursOverPython', target: 'reported' },
  { figure: 'create over sshfs (ms)', path: 'create.sshfs.medianMs', target: 'reported' },
  { figure: '  floor over sshfs (ms)', path: 'create.sshfs.floorMedianMs', target: 'reported' },
  { figure: 'creates/s, 4 processes, one store', path: 'create.parallel.createsPerSec', target: 'reported' },
  {
    figure: 'sweep: 500 configs, sbatch calls (arrays)',
    path: 'sweep.slurm.arrays.sbatchCalls',
    target: '≤ 3 × ⌈n / MaxArraySize⌉',
  },
  { figure: 'sweep: one job per config / arrays, defaults (wall)', path: 'sweep.slurm.speedup', target: '≥ 5' },
  { figure: '  same, arrays of 1 config per task', path: 'sweep.slurm.speedupOneConfigPerTask', target: 'reported' },
  { figure: '  same, 10 configs per array task', path: 'sweep.slurm.speedupPacked10', target: 'reported' },
  { figure: 'sweep: pool of 2 over serial (speedup)', path: 'sweep.pool.speedup', target: '≥ 1.8' },
];

function lookup(document: Record<string, unknown>, dotted: string): unknown {
  let current: unknown = document;
  for (const key of dotted.split('.')) {
    // A text where an object was expected says why the figure is missing ("not configured").
    if (typeof current === 'string') return current;
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

async function main(): Promise<void> {
  const only = process.env.GREN_BENCH_ONLY?.split(',').map((name) => name.trim());
  const document: Record<string, unknown> = {
    machine: {
      cpus: os.cpus().length,
      load: os.loadavg().map((value) => Number(value.toFixed(2))),
      node: process.version,
      date: new Date().toISOString(),
    },
  };
  for (const bench of BENCHES) {
    if (only && !only.includes(bench.name)) continue;
    process.stderr.write(`bench: ${bench.name}...\n`);
    const started = Date.now();
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(bench.file) as { run: () => Promise<Record<string, unknown>> };
      document[bench.name] = await module.run();
    } catch (error) {
      document[bench.name] = { error: error instanceof Error ? error.message : String(error) };
    }
    process.stderr.write(`bench: ${bench.name} done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  const width = Math.max(...ROWS.map((row) => row.figure.length));
  process.stderr.write(`\n${'figure'.padEnd(width)}  measured   target\n`);
  for (const row of ROWS) {
    const value = lookup(document, row.path);
    const text =
      typeof value === 'number' ? String(Number(value.toPrecision(4))) : typeof value === 'string' ? value : 'n/a';
    process.stderr.write(`${row.figure.padEnd(width)}  ${text.padEnd(9)}  ${row.target}\n`);
  }
}

void main();

/**
 * Sweep benchmark.
 *
 * SLURM: 500 trivial configs in 3 dependency levels (200 leaves → 200 doubles → 100 totals,
 * from spec/integration/children/sweep-pipelines.ts) on the local cluster, computed twice
 * in fresh stores: as job arrays (`SlurmArrayExecutor` with its default options: one array
 * per level, configs packed into about 4 tasks per CPU of the partition) and with one job per
 * config (`SlurmExecutor` through the same runAll: one sbatch per config once its
 * dependencies are done). Figures: sbatch calls, array tasks, wall time from start to all
 * done, and exactly-once from the artifacts' events (one successful attempt each, one _create
 * each). Two more runs, for comparison: arrays with one config per task (`configsPerTask: 1`,
 * where SLURM's seconds per task bound the wall time as they bound one job per config) and
 * 10 configs per task (`configsPerTask: 10`).
 *
 * Pool: 40 CPU-bound configs of ~0.5 s (`Burn`), serial `loadOrCreate()` in this process
 * beside `runAll` on a `ProcessPoolExecutor` of 2 workers; the figure is the speedup.
 *
 * Both parts run the compiled library and the compiled children module (built here), as a
 * worker must load them. The machine is shared: the load average before each part is
 * recorded. GREN_SWEEP_BENCH_LEAVES (default 200) scales it down, GREN_SWEEP_BENCH_PARTS
 * (pool,arrays,arrays1,packed,single; default all) picks runs. Run alone with
 * `GREN_BENCH_ONLY=sweep npm run bench`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  GREN_CONFIG,
  ProcessPoolExecutor,
  readEvents,
  runAll,
  SlurmArrayExecutor,
  SlurmExecutor,
  type Executor,
  type GrenObject,
} from 'gren-ts';
import { printWhenMain } from './support/print-when-main';

const ROOT = path.resolve(__dirname, '..');
const CHILDREN = path.join(ROOT, 'spec', 'integration', 'children');

interface SweepModule {
  threeLevels(n: number, leafMs?: number): GrenObject<unknown>[];
  Burn: new (init: { i: number; ms: number }) => GrenObject<number>;
}

function loadChildren(): SweepModule {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(CHILDREN, 'tsconfig.json')],
    { stdio: 'inherit' },
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module workers load too
  return require(path.join(CHILDREN, 'dist', 'sweep-pipelines.js')) as SweepModule;
}

function freshStore(label: string): string {
  const store = fs.mkdtempSync(path.join(os.tmpdir(), `gren-sweep-bench-${label}-`));
  fs.chmodSync(store, 0o755);
  return store;
}

function load(): number[] {
  return os.loadavg().map((value) => Number(value.toFixed(2)));
}

/** Per artifact: successful attempts (events) and `_create` calls (calls file) must all be 1. */
function exactlyOnce(
  store: string,
  callsFile: string,
): { artifacts: number; successEventsNotOne: number; duplicateCreates: number } {
  const base = path.join(store, 'data', 'spec', 'sweep');
  let artifacts = 0;
  let successEventsNotOne = 0;
  for (const className of fs.readdirSync(base)) {
    for (const hash of fs.readdirSync(path.join(base, className))) {
      artifacts += 1;
      const events = readEvents(path.join(base, className, hash, '.gren', 'events.jsonl'));
      if (events.filter((event) => event.type === 'attempt_finished' && event.status === 'success').length !== 1)
        successEventsNotOne += 1;
    }
  }
  const creates = fs
    .readFileSync(callsFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.replace(/^\d+ /, ''));
  return { artifacts, successEventsNotOne, duplicateCreates: creates.length - new Set(creates).size };
}

async function timedSweep(
  configs: GrenObject<unknown>[],
  executor: Executor,
  store: string,
  maxRunning?: number,
): Promise<{ wallSec: number; counts: Record<string, number> }> {
  GREN_CONFIG.basePath = store;
  process.env.GREN_PATH = store;
  process.env.SPEC_CALLS_FILE = path.join(store, 'calls.txt');
  const started = Date.now();
  const report = await runAll(configs, { executor, maxRunning, tickMs: 200 }).wait();
  const wallSec = (Date.now() - started) / 1000;
  const { total, done, failed, skipped, cancelled } = report;
  return { wallSec, counts: { total, done, failed, skipped, cancelled } };
}

const PARTS = new Set(
  (process.env.GREN_SWEEP_BENCH_PARTS ?? 'pool,arrays,arrays1,packed,single').split(',').map((part) => part.trim()),
);

interface SlurmRun {
  sbatchCalls: number;
  wallSec: number;
  counts: Record<string, number>;
  exactlyOnce: ReturnType<typeof exactlyOnce>;
  loadBefore: number[];
}

async function slurmRun(
  children: SweepModule,
  leaves: number,
  label: string,
  executor: Executor,
  sbatchCalls: () => number,
  maxRunning?: number,
): Promise<SlurmRun> {
  const store = freshStore(label);
  const loadBefore = load();
  const run = await timedSweep(children.threeLevels(leaves), executor, store, maxRunning);
  const once = exactlyOnce(store, path.join(store, 'calls.txt'));
  fs.rmSync(store, { recursive: true, force: true });
  return { sbatchCalls: sbatchCalls(), wallSec: run.wallSec, counts: run.counts, exactlyOnce: once, loadBefore };
}

async function slurmPart(children: SweepModule): Promise<Record<string, unknown>> {
  const leaves = Number(process.env.GREN_SWEEP_BENCH_LEAVES ?? 200);
  const arrays = new SlurmArrayExecutor({ timeMin: 30 });
  const onePerTask = new SlurmArrayExecutor({ timeMin: 30, configsPerTask: 1 });
  const packed = new SlurmArrayExecutor({ timeMin: 30, configsPerTask: 10 });
  const single = new CountingSlurmExecutor();
  const maxArraySize = await arrays.arraySizeLimit();
  const figures: Record<string, unknown> = {
    configs: Math.floor(leaves * 2.5),
    levels: 3,
    maxArraySize,
    sbatchGoal: 3 * Math.ceil(Math.max(leaves, 1) / maxArraySize),
  };
  if (PARTS.has('arrays'))
    figures.arrays = {
      ...(await slurmRun(children, leaves, 'arrays', arrays, () => arrays.stats.sbatchCalls)),
      arrayTasks: arrays.stats.tasks,
      partitionCpus: await arrays.clusterCpus(),
    };
  if (PARTS.has('arrays1'))
    figures.arraysOneConfigPerTask = {
      ...(await slurmRun(children, leaves, 'arrays1', onePerTask, () => onePerTask.stats.sbatchCalls)),
      arrayTasks: onePerTask.stats.tasks,
    };
  if (PARTS.has('packed'))
    figures.packed10 = {
      ...(await slurmRun(children, leaves, 'packed', packed, () => packed.stats.sbatchCalls)),
      arrayTasks: packed.stats.tasks,
    };
  if (PARTS.has('single'))
    figures.oneJobPerConfig = await slurmRun(
      children,
      leaves,
      'single',
      single,
      () => single.sbatchCalls,
      Number.MAX_SAFE_INTEGER,
    );
  const wall = (key: string): number | undefined => (figures[key] as SlurmRun | undefined)?.wallSec;
  const ratio = (slow: number | undefined, fast: number | undefined): number | undefined =>
    slow !== undefined && fast !== undefined ? Number((slow / fast).toFixed(2)) : undefined;
  figures.speedup = ratio(wall('oneJobPerConfig'), wall('arrays'));
  figures.speedupOneConfigPerTask = ratio(wall('oneJobPerConfig'), wall('arraysOneConfigPerTask'));
  figures.speedupPacked10 = ratio(wall('oneJobPerConfig'), wall('packed10'));
  return figures;
}

/** The single-job SlurmExecutor, counting its sbatch calls. */
class CountingSlurmExecutor extends SlurmExecutor {
  sbatchCalls = 0;

  override submit(...args: Parameters<SlurmExecutor['submit']>): ReturnType<SlurmExecutor['submit']> {
    this.sbatchCalls += 1;
    return super.submit(...args);
  }
}

async function poolPart(children: SweepModule): Promise<Record<string, unknown>> {
  const count = 40;
  const ms = 500;
  const serialStore = freshStore('serial');
  GREN_CONFIG.basePath = serialStore;
  process.env.SPEC_CALLS_FILE = path.join(serialStore, 'calls.txt');
  const loadBeforeSerial = load();
  const serialStarted = Date.now();
  for (let i = 0; i < count; i += 1) await new children.Burn({ i, ms }).loadOrCreate();
  const serialSec = (Date.now() - serialStarted) / 1000;

  const poolStore = freshStore('pool');
  const pool = new ProcessPoolExecutor({ size: 2 });
  const loadBeforePool = load();
  const poolRun = await timedSweep(
    Array.from({ length: count }, (_unused, i) => new children.Burn({ i, ms })),
    pool,
    poolStore,
  );
  await pool.close();
  const once = exactlyOnce(poolStore, path.join(poolStore, 'calls.txt'));
  for (const store of [serialStore, poolStore]) fs.rmSync(store, { recursive: true, force: true });
  return {
    configs: count,
    msEach: ms,
    workers: 2,
    serialSec,
    poolSec: poolRun.wallSec,
    speedup: Number((serialSec / poolRun.wallSec).toFixed(2)),
    counts: poolRun.counts,
    exactlyOnce: once,
    loadBefore: { serial: loadBeforeSerial, pool: loadBeforePool },
  };
}

function slurmRunning(): boolean {
  const result = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8' });
  return result.status === 0 && /idle|mixed|allocated/.test(result.stdout);
}

export async function run(): Promise<Record<string, unknown>> {
  const saved = { basePath: GREN_CONFIG.basePath, ignoreDiff: GREN_CONFIG.ignoreDiff, logLevel: GREN_CONFIG.logLevel };
  const savedEnv = { ...process.env };
  try {
    Object.assign(GREN_CONFIG, { ignoreDiff: true, logLevel: 'ERROR' });
    Object.assign(process.env, { GREN_IGNORE_DIFF: '1', GREN_LOG_LEVEL: 'ERROR', GREN_POLL_INTERVAL_SECS: '2' });
    const children = loadChildren();
    const pool = PARTS.has('pool') ? await poolPart(children) : { skipped: 'GREN_SWEEP_BENCH_PARTS' };
    const slurm = slurmRunning()
      ? await slurmPart(children)
      : { skipped: 'no SLURM cluster: bash scripts/start-local-slurm.sh' };
    return { cpus: os.cpus().length, pool, slurm };
  } finally {
    Object.assign(GREN_CONFIG, saved);
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
}

printWhenMain(module, run);

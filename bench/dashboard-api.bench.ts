/**
 * Dashboard API benchmark: the API in-process on synthetic stores of 10k and 100k
 * artifacts in the real on-disk format (dashboard-api/src/testing/synthetic-store.ts).
 *
 * Figures, per store size:
 * - `coldFirstListMs`: from creating the app to the first answer of
 *   `/api/experiments?limit=50` (every state.json read; the store's files are in the page
 *   cache, as right after they were written); `coldReadyMs` when the index had every state
 *   (the rest is the request itself); the CPU split between the main thread and the others
 *   (reader threads, V8's helpers; Linux only);
 * - `indexOnly`: the index alone (no app) until every state is in, with its default reader
 *   threads and with none (`readerThreads: 0`, everything on one thread), for the cost of
 *   the reading itself;
 * - `coldCompleteMs`: until metadata is indexed too (first `/api/dag` answered);
 * - warm medians (and p90) over repeated HTTP requests on 127.0.0.1: the first page, a
 *   filtered page, a config_filter page, `/api/stats`, `/api/dag` (gzip, as browsers ask, and
 *   uncompressed; both include the in-process client reading the body), a detail,
 *   relationships, the timeline of 1,000 attempts; and `firstDetailMs`, the first detail,
 *   which also reads every success's result link once (to say who reuses a result);
 * - `recompute*Ms`: stats and DAG rebuilt from the index (what the first request after a
 *   change pays; later ones hit the per-version cache);
 * - columns: a page of 50 with 3 config and 2 result columns (`columnsPage`, list
 *   order; `columnsPageSorted`, sorted by a result), the scatter data of 10,000 trainings
 *   (`plot10k`: lr against loss, coloured by epochs) and the field catalog, all warm; and
 *   `firstResultSortMs`, the first sort by a result, which reads every training's metrics.json
 *   (in slices, between other requests); `recomputePlot10kMs`, the plot built afresh (what
 *   the first request after a change pays);
 * - `newArtifactVisibleMs`: an artifact written in a new namespace until the list shows it;
 * - heap and RSS once indexed, and how many folders inotify watches;
 * - the CPU time of the cold phases and the load average, since on a shared machine the wall
 *   time mostly measures the other processes.
 *
 * Stores are generated once into the OS temp folder and reused (`GREN_BENCH_REGENERATE=1`
 * forces a new one). Run alone: `npx ts-node --transpile-only bench/dashboard-api.bench.ts`
 * (prints JSON; needs the compiled lib: `npm run build -w lib`), or through `npm run bench`.
 * `GREN_BENCH_DASHBOARD_SIZES=10000` limits the sizes.
 */
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseColumns } from '../dashboard-api/src/columns/column-name';
import { columnValue } from '../dashboard-api/src/columns/column-value';
import { ColumnsService } from '../dashboard-api/src/columns/columns.service';
import { filteredRecords } from '../dashboard-api/src/columns/filtered-records';
import { plotPoints } from '../dashboard-api/src/columns/plot-points';
import { createDashboardApp } from '../dashboard-api/src/create-app';
import type { ArtifactRecord } from '../dashboard-api/src/index/artifact-record';
import { buildDag } from '../dashboard-api/src/dag/build-dag';
import { IndexService } from '../dashboard-api/src/index/index.service';
import { StoreIndex } from '../dashboard-api/src/index/store-index';
import { computeStats } from '../dashboard-api/src/stats/compute-stats';
import { buildState } from '../dashboard-api/src/testing/state-builder';
import {
  generateSyntheticStore,
  writeSyntheticResult,
  type SyntheticStoreSummary,
} from '../dashboard-api/src/testing/synthetic-store';
import { writeArtifact } from '../dashboard-api/src/testing/write-artifact';
import { printWhenMain } from './support/print-when-main';

const GENERATOR_VERSION = 1;
const TARGETS = {
  10_000: { listMs: 15, statsMs: 20, dagMs: 40 },
  100_000: { listMs: 100, coldMs: 3000, dagMs: 100, timelineMs: 200, columnsPageMs: 50, plot10kMs: 200 },
} as const;
const COLUMNS = 'columns=config.lr,config.epochs,config.options.tag,result.loss,result.accuracy';
const PLOT_10K = 'columns=config.lr,result.loss&color=config.epochs&namespace=bench.train.Train&max_points=10000';

export interface Timing {
  medianMs: number;
  p90Ms: number;
  runs: number;
}

export async function run(): Promise<Record<string, unknown>> {
  const sizes = (process.env.GREN_BENCH_DASHBOARD_SIZES ?? '10000,100000').split(',').map(Number);
  const results: Record<string, unknown> = {};
  for (const size of sizes) results[String(size)] = await benchSize(size);
  return { machine: { cpus: os.cpus().length, node: process.version }, targets: TARGETS, results };
}

async function benchSize(count: number): Promise<Record<string, unknown>> {
  const { base, summary, generatedMs } = syntheticStore(count);
  const figures = await benchApp(count, base, summary, generatedMs);
  // After the app (whose cold start must not find the index code already compiled).
  const indexOnly = {
    defaultThreads: await coldIndex(base, undefined),
    singleThread: await coldIndex(base, 0),
  };
  return { ...figures, indexOnly };
}

async function benchApp(
  count: number,
  base: string,
  summary: SyntheticStoreSummary,
  generatedMs: number | 'reused',
): Promise<Record<string, unknown>> {
  const liveNamespace = `bench.live.Probe${Date.now()}`;
  globalThis.gc?.();
  globalThis.gc?.();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const threadsStart = threadCpuMs();
  const app = await createDashboardApp({ basePath: base, spaDirectory: null }, { logger: false });
  let coldReadyMs: number | null = null;
  void app
    .get(IndexService)
    .ready()
    .then(() => {
      coldReadyMs = round(performance.now() - started);
    });
  await app.listen(0, '127.0.0.1');
  // The figures below leave the connection idle for seconds: keep it open (no reset races).
  (app.getHttpServer() as { keepAliveTimeout: number }).keepAliveTimeout = 600_000;
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  try {
    const first = await fetch(`${url}/api/experiments?limit=50`);
    const coldFirstListMs = performance.now() - started;
    const coldFirstListCpuMs = cpuMs(process.cpuUsage(cpuStart));
    const coldFirstListThreadCpuMs = threadCpuSince(threadsStart);
    const total = ((await first.json()) as { total: number }).total;
    await (await fetch(`${url}/api/dag`)).arrayBuffer();
    const coldCompleteMs = performance.now() - started;
    const coldCompleteCpuMs = cpuMs(process.cpuUsage(cpuStart));
    const index = app.get(IndexService).index;
    await settleWatches(index);
    globalThis.gc?.();
    const memory = process.memoryUsage();

    const sample = summary.samples.find((s) => s.namespace === 'bench.train.Train') ?? summary.samples[0];
    const detailUrl = `${url}/api/experiments/${sample?.namespace}/${sample?.hash}`;
    // The first detail also reads every success's result link once (who reuses this result).
    const detailStarted = performance.now();
    await (await fetch(detailUrl)).arrayBuffer();
    const firstDetailMs = round(performance.now() - detailStarted);
    const warm = {
      list50: await time(`${url}/api/experiments?limit=50`),
      filteredList: await time(
        `${url}/api/experiments?limit=50&namespace=bench.train&result_status=failed&backend=slurm`,
      ),
      configFilterList: await time(
        `${url}/api/experiments?limit=50&config_filter=lr%3D1e-3&config_filter=options.amp%3Dtrue`,
      ),
      lastPage: await time(`${url}/api/experiments?limit=1000&offset=${Math.max(0, total - 1000)}`),
      stats: await time(`${url}/api/stats`),
      dag: await time(`${url}/api/dag`),
      dagUncompressed: await time(`${url}/api/dag`, { 'accept-encoding': 'identity' }),
      detail: await time(detailUrl),
      relationships: await time(`${detailUrl}/relationships`),
      changes: await time(`${url}/api/changes`),
      timeline1000: await time(`${url}/api/timeline?limit=1000`),
    };
    const sortStarted = performance.now();
    await (await fetch(`${url}/api/experiments?limit=50&${COLUMNS}&sort=-result.loss`)).arrayBuffer();
    const firstResultSortMs = round(performance.now() - sortStarted);
    const columns = {
      columnsPage: await time(`${url}/api/experiments?limit=50&${COLUMNS}`),
      columnsPageSorted: await time(`${url}/api/experiments?limit=50&${COLUMNS}&sort=-result.loss`),
      plot10k: await time(`${url}/api/plot?${PLOT_10K}`),
      plot10kPoints: ((await (await fetch(`${url}/api/plot?${PLOT_10K}`)).json()) as { points: unknown[] }).points
        .length,
      fields: await time(`${url}/api/fields?namespace=bench.train`),
      firstResultSortMs,
      // What a request pays once the store changed (warm requests answer from the per-version cache).
      recomputePlot10kMs: median(repeat(5, () => recomputePlot(app.get(ColumnsService), index.sorted()))),
    };
    const sorted = index.sorted();
    const recomputeStatsMs = median(repeat(7, () => computeStats(sorted)));
    const service = app.get(IndexService);
    const recomputeDagMs = median(repeat(5, () => buildDag(sorted, service.dependenciesOf)));

    const writtenAt = performance.now();
    const probe = writeArtifact(base, {
      namespace: liveNamespace,
      hash: 'f'.repeat(20),
      state: buildState({
        result: 'incomplete',
        updatedAt: new Date(),
        attempt: { status: 'running', startedAt: new Date() },
      }),
    });
    let newArtifactVisibleMs: number | null = null;
    while (performance.now() - writtenAt < 5000) {
      const body = (await (await fetch(`${url}/api/experiments?namespace=${liveNamespace}`)).json()) as {
        total: number;
      };
      if (body.total === 1) {
        newArtifactVisibleMs = round(performance.now() - writtenAt);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    fs.rmSync(path.join(base, 'data', 'bench', 'live'), { recursive: true, force: true });
    void probe;

    const target = TARGETS[count as keyof typeof TARGETS] as
      | Partial<
          Record<'listMs' | 'statsMs' | 'dagMs' | 'coldMs' | 'timelineMs' | 'columnsPageMs' | 'plot10kMs', number>
        >
      | undefined;
    return {
      artifacts: total,
      storeGeneratedMs: generatedMs,
      coldFirstListMs: round(coldFirstListMs),
      coldFirstListCpuMs,
      coldFirstListThreadCpuMs,
      coldReadyMs,
      coldCompleteMs: round(coldCompleteMs),
      coldCompleteCpuMs,
      firstDetailMs,
      loadAverage: os.loadavg().map(round),
      warm,
      columns,
      recomputeStatsMs,
      recomputeDagMs,
      newArtifactVisibleMs,
      heapUsedMb: round(memory.heapUsed / 1e6),
      rssMb: round(memory.rss / 1e6),
      watches: index.watchCounts,
      targetsMet: target
        ? {
            ...(target.listMs === undefined ? {} : { list: warm.list50.medianMs <= target.listMs }),
            ...(target.statsMs === undefined ? {} : { stats: warm.stats.medianMs <= target.statsMs }),
            ...(target.dagMs === undefined ? {} : { dag: warm.dag.medianMs <= target.dagMs }),
            ...(target.coldMs === undefined ? {} : { cold: coldFirstListMs <= target.coldMs }),
            ...(target.timelineMs === undefined ? {} : { timeline: warm.timeline1000.medianMs <= target.timelineMs }),
            ...(target.columnsPageMs === undefined
              ? {}
              : { columnsPage: columns.columnsPage.medianMs <= target.columnsPageMs }),
            ...(target.plot10kMs === undefined ? {} : { plot10k: columns.plot10k.medianMs <= target.plot10kMs }),
          }
        : {},
    };
  } finally {
    await app.close();
    fs.rmSync(path.join(base, 'data', 'bench', 'live'), { recursive: true, force: true });
  }
}

/** The index alone, from its creation until every state.json is in (CPU of all threads). */
async function coldIndex(
  base: string,
  readerThreads: number | undefined,
): Promise<{ readyMs: number; cpuMs: number; threadCpuMs: ThreadCpu | null }> {
  globalThis.gc?.();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const threadsStart = threadCpuMs();
  const index = new StoreIndex({
    basePath: base,
    watch: false,
    ...(readerThreads === undefined ? {} : { readerThreads }),
  });
  try {
    await index.ready();
    return {
      readyMs: round(performance.now() - started),
      cpuMs: cpuMs(process.cpuUsage(cpuStart)),
      threadCpuMs: threadCpuSince(threadsStart),
    };
  } finally {
    index.stop();
  }
}

interface ThreadCpu {
  main: number;
  others: number;
}

/** CPU time of the main thread and of all other threads (ms, 10 ms steps); null off Linux. */
function threadCpuMs(): ThreadCpu | null {
  try {
    const times = { main: 0, others: 0 };
    for (const tid of fs.readdirSync('/proc/self/task')) {
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      } catch {
        continue; // the thread ended meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (100 a second on Linux).
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      if (tid === String(process.pid)) times.main += ms;
      else times.others += ms;
    }
    return times;
  } catch {
    return null;
  }
}

/** Thread CPU since `start` (threads that ended meanwhile are not counted). */
function threadCpuSince(start: ThreadCpu | null): ThreadCpu | null {
  const now = threadCpuMs();
  if (!start || !now) return null;
  return { main: now.main - start.main, others: Math.max(0, now.others - start.others) };
}

/** A generated store, reused between runs (writing 100k artifacts takes a minute here). */
function syntheticStore(count: number): {
  base: string;
  summary: SyntheticStoreSummary;
  generatedMs: number | 'reused';
} {
  const base = path.join(os.tmpdir(), 'gren-dashboard-bench', `store-${count}-v${GENERATOR_VERSION}`);
  const marker = path.join(base, 'summary.json');
  if (fs.existsSync(marker) && process.env.GREN_BENCH_REGENERATE !== '1') {
    addResultFiles(base);
    return {
      base,
      summary: JSON.parse(fs.readFileSync(marker, 'utf8')) as SyntheticStoreSummary,
      generatedMs: 'reused',
    };
  }
  fs.rmSync(base, { recursive: true, force: true });
  const started = performance.now();
  const summary = generateSyntheticStore(base, { count });
  fs.writeFileSync(path.join(base, 'results-written'), '');
  const generatedMs = round(performance.now() - started);
  fs.writeFileSync(marker, JSON.stringify(summary));
  return { base, summary, generatedMs };
}

/** The scatter data of 10,000 trainings (lr against loss, coloured by epochs), as JSON text. */
function recomputePlot(service: ColumnsService, sorted: readonly ArtifactRecord[]): string {
  const [lr, loss] = parseColumns(['config.lr,result.loss']);
  const [epochs] = parseColumns(['config.epochs']);
  const records = filteredRecords(sorted, { namespacePrefix: 'bench.train.Train', config: [] });
  const data = plotPoints(records, [lr!, loss!], epochs, 10_000, (record, column) =>
    columnValue(record, column, service.results),
  );
  return JSON.stringify(data);
}

/** Stores generated before trainings wrote metrics.json get them once (marked by a file). */
function addResultFiles(base: string): void {
  const marker = path.join(base, 'results-written');
  if (fs.existsSync(marker)) return;
  const trains = path.join(base, 'data', 'bench', 'train', 'Train');
  for (const hash of fs.existsSync(trains) ? fs.readdirSync(trains) : []) {
    writeSyntheticResult(path.join(trains, hash), hash);
  }
  fs.writeFileSync(marker, '');
}

/** Waits until the background watch set-up stops growing, so it does not skew warm figures. */
async function settleWatches(index: { watchCounts: { artifacts: number } }): Promise<void> {
  let previous = -1;
  while (index.watchCounts.artifacts !== previous) {
    previous = index.watchCounts.artifacts;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function time(url: string, headers: Record<string, string> = {}, runs = 40, warmup = 5): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const start = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (i >= warmup) samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: round(quantile(samples, 0.5)), p90Ms: round(quantile(samples, 0.9)), runs };
}

function repeat(times: number, action: () => unknown): number[] {
  return Array.from({ length: times }, () => {
    const start = performance.now();
    action();
    return performance.now() - start;
  });
}

function median(values: number[]): number {
  return round(
    quantile(
      [...values].sort((a, b) => a - b),
      0.5,
    ),
  );
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return round((usage.user + usage.system) / 1000);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

printWhenMain(module, run);

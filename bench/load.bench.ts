/**
 * Load benchmark: the dashboard under 50 concurrent clients for 30 s on a
 * 10,000-experiment store while another process creates artifacts in it.
 *
 * Method:
 * - The store is written by the API's synthetic-store generator
 *   (dashboard-api/src/testing/synthetic-store.ts), in /dev/shm when there is one.
 * - The real `gren-dashboard serve` CLI serves it (child process, loopback, as users run it);
 *   timing starts once it answers and has indexed metadata (a first /api/dag).
 * - Another child process (bench/support/load-writer.ts) creates one artifact every 50 ms with
 *   the real library (locks, state, metadata, events, log, marker) for the whole run; the
 *   clients start once it has created its first.
 * - 50 clients, joining over the first second, each a closed loop (next request when the
 *   previous answered) over keep-alive
 *   connections, pick from a mix like the SPA's traffic: first pages, filtered and config-
 *   filtered lists, later pages, details, relationships, logs, stats and the DAG (gzip
 *   accepted, as browsers do). A client revalidates a URL it has fetched with If-None-Match,
 *   as the browser does, so 304s are part of the mix.
 * - Errors: any status other than 200/304, and any network failure. Latency is measured per
 *   request from send to the end of the body; `latencyMs` covers the whole run,
 *   `latencyMsAfterWarmUp` the requests sent after its first 5 s, `slowest` says when the
 *   five slowest were sent.
 *
 * Run alone: `npx ts-node --transpile-only bench/load.bench.ts` (prints JSON; needs the compiled
 * library and CLI: `npm run build -w lib && npm run build -w dashboard-api`), or `npm run bench`.
 * GREN_BENCH_LOAD_SECONDS and GREN_BENCH_LOAD_CLIENTS change the duration and client count.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateSyntheticStore } from '../dashboard-api/src/testing/synthetic-store';
import { DASHBOARD_CLI, startDashboard, WORKSPACE } from '../spec/browser/support/dashboard-server';
import { printWhenMain } from './support/print-when-main';

const EXPERIMENTS = 10_000;
const WRITER_EVERY_MS = 50;

interface Route {
  name: string;
  weight: number;
  url: (pick: Picker) => string;
}

interface Picker {
  ref(): { namespace: string; hash: string };
  one<T>(values: readonly T[]): T;
  int(max: number): number;
}

const ROUTES: Route[] = [
  { name: 'list', weight: 22, url: () => '/api/experiments?limit=50&offset=0' },
  {
    name: 'listFiltered',
    weight: 14,
    url: (p) =>
      `/api/experiments?limit=50&${p.one([
        'result_status=failed',
        'attempt_status=running',
        'namespace=bench.train',
        'namespace=bench.eval&result_status=success',
        'backend=slurm&user=alice',
        'started_after=2026-01-01T01:00:00Z&started_before=2026-01-01T02:00:00Z',
      ])}`,
  },
  {
    name: 'listConfigFilter',
    weight: 6,
    url: (p) =>
      `/api/experiments?limit=50&${p.one(['config_filter=lr%3D1e-3', 'config_filter=options.amp%3Dtrue&config_filter=epochs%3D5', 'config_filter=dataset.name%3Dds-3'])}`,
  },
  { name: 'listPage', weight: 8, url: (p) => `/api/experiments?limit=50&offset=${50 * p.int(199)}` },
  { name: 'detail', weight: 20, url: (p) => refUrl(p.ref()) },
  { name: 'relationships', weight: 6, url: (p) => `${refUrl(p.ref())}/relationships` },
  { name: 'logs', weight: 8, url: (p) => `${refUrl(p.ref())}/logs?tail=200` },
  { name: 'stats', weight: 8, url: () => '/api/stats' },
  { name: 'dag', weight: 4, url: () => '/api/dag' },
  { name: 'health', weight: 4, url: () => '/api/health' },
];

function refUrl(ref: { namespace: string; hash: string }): string {
  return `/api/experiments/${ref.namespace}/${ref.hash}`;
}

interface Sample {
  route: string;
  /** When it was sent, ms after the load started. */
  at: number;
  ms: number;
  status: number;
}

/** Requests sent in the first seconds meet a cold server and 50 clients arriving together. */
const WARM_UP_MS = 5000;
/** Clients join one by one over this time, as users do, not all in the same millisecond. */
const RAMP_UP_MS = 1000;

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return round(sorted[Math.max(0, index)] as number);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function latency(values: number[]): Record<string, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(mean),
  };
}

/** Where the store is written: /dev/shm (memory) when there is one (see bench/web.bench.ts). */
function scratchFolder(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

/** One GET over the shared keep-alive agent; resolves with the status once the body has arrived. */
function get(
  agent: http.Agent,
  base: URL,
  url: string,
  etag: string | undefined,
): Promise<{ status: number; etag?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'accept-encoding': 'gzip' };
    if (etag) headers['if-none-match'] = etag;
    const request = http.get({ host: base.hostname, port: base.port, path: url, agent, headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => {
        const tag = response.headers.etag;
        resolve({ status: response.statusCode ?? 0, ...(tag ? { etag: tag } : {}) });
      });
      response.on('error', reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error('timed out after 30 s')));
    request.on('error', reject);
  });
}

export async function run(): Promise<Record<string, unknown>> {
  const seconds = Number(process.env.GREN_BENCH_LOAD_SECONDS ?? 30);
  const clients = Number(process.env.GREN_BENCH_LOAD_CLIENTS ?? 50);
  if (!fs.existsSync(DASHBOARD_CLI))
    throw new Error('the CLI is not built: npm run build -w lib && npm run build -w dashboard-api');
  const store = fs.mkdtempSync(path.join(scratchFolder(), 'gren-load-bench-'));
  const generationStarted = performance.now();
  generateSyntheticStore(store, { count: EXPERIMENTS });
  const storeGenerationMs = Math.round(performance.now() - generationStarted);
  const serverStarted = performance.now();
  const server = await startDashboard(store, 180_000);
  const base = new URL(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const writer = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      path.join(__dirname, 'support', 'load-writer.ts'),
      String(WRITER_EVERY_MS),
    ],
    {
      cwd: WORKSPACE,
      env: {
        ...process.env,
        GREN_PATH: store,
        GREN_LOG_LEVEL: 'ERROR',
        GREN_IGNORE_DIFF: '1',
        TS_NODE_PROJECT: path.join(__dirname, 'tsconfig.json'),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let writerOut = '';
  let writerErr = '';
  writer.stdout.on('data', (chunk: Buffer) => (writerOut += chunk.toString()));
  writer.stderr.on('data', (chunk: Buffer) => (writerErr += chunk.toString()));
  const writerDone = new Promise<number | null>((resolve) => writer.on('close', (code) => resolve(code)));
  const writerStarted = new Promise<void>((resolve, reject) => {
    writer.stdout.on('data', () => {
      if (writerOut.includes('started\n')) resolve();
    });
    void writerDone.then(() => reject(new Error(`the writer exited before creating anything: ${writerErr}`)));
  });
  try {
    // The load starts once the writer is creating artifacts (its start-up is not part of it).
    await writerStarted;
    // Indexed (metadata too), and references to pick details from.
    await get(agent, base, '/api/dag', undefined);
    const serverReadyMs = Math.round(performance.now() - serverStarted);
    const refs: { namespace: string; hash: string }[] = [];
    for (let offset = 0; offset < EXPERIMENTS; offset += 1000) {
      const page = await new Promise<string>((resolve, reject) => {
        http
          .get(
            { host: base.hostname, port: base.port, path: `/api/experiments?limit=1000&offset=${offset}`, agent },
            (response) => {
              let body = '';
              response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
              response.on('end', () => resolve(body));
            },
          )
          .on('error', reject);
      });
      for (const row of (JSON.parse(page) as { experiments: { namespace: string; gren_hash: string }[] }).experiments) {
        refs.push({ namespace: row.namespace, hash: row.gren_hash });
      }
    }
    const picker: Picker = {
      ref: () => refs[Math.floor(Math.random() * refs.length)] as { namespace: string; hash: string },
      one: <T>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)] as T,
      int: (max: number) => Math.floor(Math.random() * (max + 1)),
    };
    const totalWeight = ROUTES.reduce((sum, route) => sum + route.weight, 0);
    const pickRoute = (): Route => {
      let roll = Math.random() * totalWeight;
      for (const route of ROUTES) {
        roll -= route.weight;
        if (roll < 0) return route;
      }
      return ROUTES[0] as Route;
    };

    const samples: Sample[] = [];
    const errors: string[] = [];
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const client = async (index: number): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, (RAMP_UP_MS * index) / clients));
      const etags = new Map<string, string>();
      while (performance.now() < deadline) {
        const route = pickRoute();
        const url = route.url(picker);
        const sent = performance.now();
        try {
          const answer = await get(agent, base, url, etags.get(url));
          samples.push({ route: route.name, at: sent - started, ms: performance.now() - sent, status: answer.status });
          if (answer.etag) etags.set(url, answer.etag);
          if (answer.status !== 200 && answer.status !== 304) errors.push(`${answer.status} ${url}`);
        } catch (error) {
          samples.push({ route: route.name, at: sent - started, ms: performance.now() - sent, status: 0 });
          errors.push(`${(error as Error).message} ${url}`);
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
    const elapsedSec = (performance.now() - started) / 1000;
    const clientCpu = process.cpuUsage(cpuStart);
    writer.stdin.end();
    const writerCode = await writerDone;
    const created = (JSON.parse(writerOut.trim().split('\n').pop() || '{}') as { created?: number }).created ?? null;
    const listed = JSON.parse(
      await new Promise<string>((resolve, reject) => {
        http
          .get(
            { host: base.hostname, port: base.port, path: '/api/experiments?namespace=bench.load&limit=1', agent },
            (response) => {
              let body = '';
              response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
              response.on('end', () => resolve(body));
            },
          )
          .on('error', reject);
      }),
    ) as { total: number };

    const statuses: Record<string, number> = {};
    for (const sample of samples) statuses[sample.status] = (statuses[sample.status] ?? 0) + 1;
    const byRoute: Record<string, Record<string, number>> = {};
    for (const route of ROUTES) {
      const ms = samples.filter((sample) => sample.route === route.name).map((sample) => sample.ms);
      byRoute[route.name] = { requests: ms.length, ...latency(ms) };
    }
    return {
      experiments: EXPERIMENTS,
      storeFolder: path.dirname(store),
      storeGenerationMs,
      serverReadyMs,
      clients,
      durationSec: round(elapsedSec),
      requests: samples.length,
      errors: errors.length,
      errorSamples: errors.slice(0, 10),
      statuses,
      throughputRps: round(samples.length / elapsedSec),
      latencyMs: latency(samples.map((sample) => sample.ms)),
      latencyMsAfterWarmUp: latency(samples.filter((sample) => sample.at >= WARM_UP_MS).map((sample) => sample.ms)),
      slowest: [...samples]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((sample) => ({ route: sample.route, sentAtMs: Math.round(sample.at), ms: round(sample.ms) })),
      byRoute,
      writer: {
        everyMs: WRITER_EVERY_MS,
        created,
        exitCode: writerCode,
        listedByApiAfterRun: listed.total,
        ...(writerErr ? { stderr: writerErr.slice(0, 500) } : {}),
      },
      clientCpuMs: Math.round((clientCpu.user + clientCpu.system) / 1000),
      loadAverage: os.loadavg().map(round),
      machine: { cpus: os.cpus().length, node: process.version },
      method: `${clients} closed-loop clients for ${seconds} s over keep-alive, the real serve CLI (loopback), a writer process creating an artifact every ${WRITER_EVERY_MS} ms; errors = status other than 200/304 or a network failure`,
    };
  } finally {
    if (writer.exitCode === null) {
      writer.stdin.end();
      await Promise.race([writerDone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (writer.exitCode === null) writer.kill('SIGKILL');
    }
    agent.destroy();
    await server.stop();
    fs.rmSync(store, { recursive: true, force: true });
  }
}

printWhenMain(module, run);

/**
 * Web benchmark: how fast the experiments page shows its first rows on a
 * 10,000-experiment store, and how much JavaScript the SPA needs before its first page.
 *
 * Run alone with `npx ts-node --transpile-only bench/web.bench.ts` (prints JSON), or through
 * the bench runner, which calls `run()`. Needs the built library, API and SPA
 * (`npm run build -w lib && npm run build -w dashboard-api && npm run build -w dashboard-web`)
 * and Debian's chromium.
 *
 * Method:
 * - The store is written in the real on-disk format by the API's synthetic-store generator
 *   (dashboard-api/src/testing/synthetic-store.ts): datasets, models, trainings, evaluations,
 *   ensembles and version-controlled reports, with every status; in /dev/shm when present.
 * - The real `gren-dashboard serve` CLI serves it (child process) and the SPA; timing starts
 *   once /api/health answers (the index is built).
 * - Headless chromium (playwright-core), one untimed warm-up, then RUNS navigations, each in
 *   a fresh page with the HTTP cache disabled (a first visit: the SPA's files are fetched
 *   again). `firstRowsMs` is measured in the page: from the navigation's start
 *   (performance.timeOrigin) to the first animation frame after a row of the experiments
 *   table is in the document and visible. `firstRowsWallMs` is the same moment seen from
 *   Node (page.goto called → the row reported visible), CDP round trips included.
 *   The same with the cache on (a return visit) is reported as `warmCache`.
 * - Initial JavaScript: the gzip (level 9) size of every .js file the browser fetched on
 *   that cold navigation until the rows showed (lazy DAG/compare chunks are not fetched
 *   there), and, as a cross-check, of the scripts and module preloads that index.html names.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { generateSyntheticStore } from '../dashboard-api/src/testing/synthetic-store';
import { chromiumInstalled, openBrowser, CHROMIUM, INSTALL_COMMAND } from '../spec/browser/support/chromium';
import { startDashboard } from '../spec/browser/support/dashboard-server';
import { printWhenMain } from './support/print-when-main';

const EXPERIMENTS = 10_000;
const RUNS = 7;
const TARGETS = { firstRowsMs: 1500, initialJsGzipKb: 400 } as const;
const SPA_DIR = path.resolve(__dirname, '..', 'dashboard-web', 'dist', 'browser');

/** Set by the init script: when the first visible table row was painted (ms since timeOrigin). */
const FIRST_ROWS_PROBE = `(() => {
  const seen = () => {
    const row = document.querySelector('[data-testid="experiment-row"]');
    return row !== null && row.getBoundingClientRect().height > 0;
  };
  const mark = () => requestAnimationFrame(() => { window.__firstRowsAt = performance.now(); });
  const observer = new MutationObserver(() => {
    if (window.__firstRowsAt === undefined && seen()) { observer.disconnect(); mark(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number[];
}

function summarize(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    medianMs: round(median),
    minMs: round(sorted[0] ?? 0),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    runs: values.map(round),
  };
}

function gzipKb(files: Iterable<string>): { kb: number; files: Record<string, number> } {
  const sizes: Record<string, number> = {};
  let total = 0;
  for (const file of files) {
    const bytes = gzipSync(fs.readFileSync(path.join(SPA_DIR, file)), { level: 9 }).length;
    sizes[file] = Math.round((bytes / 1024) * 10) / 10;
    total += bytes;
  }
  return { kb: Math.round((total / 1024) * 10) / 10, files: sizes };
}

/** The scripts and module preloads named by index.html (what the Angular build calls initial). */
function indexHtmlScripts(): string[] {
  const html = fs.readFileSync(path.join(SPA_DIR, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) if (match[1]) files.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))
    if (match[1]) files.add(match[1]);
  return [...files];
}

interface Visit {
  inPageMs: number;
  wallMs: number;
  scripts: string[];
}

/** One navigation to /experiments in a fresh page; resolves once the first rows are visible. */
async function visit(newPage: () => Promise<Page>, url: string, cache: boolean): Promise<Visit> {
  const page = await newPage();
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
    await page.addInitScript(FIRST_ROWS_PROBE);
    const scripts: string[] = [];
    page.on('request', (request) => {
      const address = new URL(request.url());
      if (address.pathname.endsWith('.js')) scripts.push(address.pathname.slice(1));
    });
    const started = performance.now();
    await page.goto(`${url}/experiments`, { waitUntil: 'commit' });
    await page.getByTestId('experiment-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    const wallMs = performance.now() - started;
    await page.waitForFunction('window.__firstRowsAt !== undefined', undefined, { timeout: 10_000 });
    const inPageMs = await page.evaluate<number>('window.__firstRowsAt');
    await cdp.detach();
    return { inPageMs, wallMs, scripts };
  } finally {
    await page.close();
  }
}

/**
 * Where the store is written: /dev/shm (memory) when there is one. On this machine's disk,
 * writing the 40,000 files takes 15-45 s and deleting them 2 minutes, none of it timed; the
 * timed part runs after the server has indexed the store into memory either way.
 */
function scratchFolder(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  if (!chromiumInstalled()) throw new Error(`${CHROMIUM} is missing; install it with: ${INSTALL_COMMAND}`);
  if (!fs.existsSync(path.join(SPA_DIR, 'index.html')))
    throw new Error('the SPA is not built: npm run build -w dashboard-web');
  const store = fs.mkdtempSync(path.join(scratchFolder(), 'gren-web-bench-'));
  const generationStarted = performance.now();
  const generated = generateSyntheticStore(store, { count: EXPERIMENTS });
  const generationMs = performance.now() - generationStarted;
  const serverStarted = performance.now();
  const server = await startDashboard(store, 180_000);
  const serverReadyMs = performance.now() - serverStarted;
  const browser = await openBrowser();
  try {
    const newPage = (): Promise<Page> => browser.context.newPage();
    const total = (await (await fetch(`${server.url}/api/experiments?limit=1`)).json()) as { total: number };
    await visit(newPage, server.url, false); // warm-up: server, chromium and disk caches
    const cold: Visit[] = [];
    for (let index = 0; index < RUNS; index += 1) cold.push(await visit(newPage, server.url, false));
    const warm: Visit[] = [];
    for (let index = 0; index < RUNS; index += 1) warm.push(await visit(newPage, server.url, true));

    const loaded = gzipKb(new Set(cold[0]?.scripts ?? []));
    const declared = gzipKb(indexHtmlScripts());
    const firstRows = summarize(cold.map((v) => v.inPageMs));
    return {
      experiments: generated.count,
      storeFolder: path.dirname(store),
      listedByApi: total.total,
      storeGenerationMs: Math.round(generationMs),
      serverReadyMs: Math.round(serverReadyMs),
      firstRowsMs: firstRows,
      firstRowsWallMs: summarize(cold.map((v) => v.wallMs)),
      warmCache: {
        firstRowsMs: summarize(warm.map((v) => v.inPageMs)),
        firstRowsWallMs: summarize(warm.map((v) => v.wallMs)),
      },
      initialJsGzipKb: loaded.kb,
      initialJsFiles: loaded.files,
      indexHtmlJsGzipKb: declared.kb,
      targets: TARGETS,
      withinTargets: {
        firstRows: firstRows.medianMs <= TARGETS.firstRowsMs,
        initialJs: loaded.kb <= TARGETS.initialJsGzipKb,
      },
      method: `median of ${RUNS} navigations to /experiments, each in a fresh page with the HTTP cache disabled, after one warm-up; headless Debian chromium; the real serve CLI`,
    };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(store, { recursive: true, force: true });
  }
}

printWhenMain(module, run);

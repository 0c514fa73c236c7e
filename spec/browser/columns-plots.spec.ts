import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './support/chromium';
import { describeInBrowser } from './support/describe-in-browser';
import { startDashboard, WORKSPACE, type DashboardServer } from './support/dashboard-server';
import { expectCount, expectPath, expectText } from './support/page-helpers';
import { saveScreenshot } from './support/screenshots';

jest.setTimeout(60_000);

const TRAIN = 'examples.my_project.pipelines.TrainModel';

/** The attribute reader of a DOM element (the specs compile without the DOM library). */
interface Attributes {
  getAttribute(name: string): string | null;
}

/** A training of the sweep example, read from disk (independent of the API under test). */
interface Training {
  hash: string;
  lr: number;
  size: number;
  loss: number;
}

/** Runs examples/sweep.ts (2 datasets × 3 learning rates; each training writes metrics.json). */
function runSweepExample(store: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join('examples', 'sweep.ts')],
      {
        cwd: WORKSPACE,
        env: { ...process.env, GREN_PATH: store, GREN_IGNORE_DIFF: '1', TS_NODE_PROJECT: 'examples/tsconfig.json' },
        timeout: 100_000,
      },
      (error, _stdout, stderr) => (error ? reject(new Error(`sweep.ts failed: ${stderr}`)) : resolve()),
    );
  });
}

function readTrainings(store: string): Training[] {
  const folder = path.join(store, 'data', ...TRAIN.split('.'));
  return fs.readdirSync(folder).map((hash) => {
    const config = (
      JSON.parse(fs.readFileSync(path.join(folder, hash, '.gren', 'metadata.json'), 'utf8')) as {
        gren_obj: { lr: number; dataset: { size: number } };
      }
    ).gren_obj;
    const metrics = JSON.parse(fs.readFileSync(path.join(folder, hash, 'metrics.json'), 'utf8')) as { loss: number };
    return { hash, lr: config.lr, size: config.dataset.size, loss: metrics.loss };
  });
}

/**
 * Result columns, sorting, the scatter plot and export, in Debian's chromium on the built SPA
 * served by `gren-dashboard serve`, on the store the sweep example writes.
 */
describeInBrowser('columns, plots and export in Chromium, on the store of the sweep example', () => {
  let store: string;
  let server: DashboardServer;
  let browser: BrowserSession;
  let page: Page;
  let trainings: Training[];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-browser-sweep-'));
    await runSweepExample(store);
    trainings = readTrainings(store);
    [server, browser] = await Promise.all([startDashboard(store), openBrowser()]);
    page = browser.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A CSP refusal (an inline style or script from the chart library) is a console error.
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(store, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
    expect(consoleErrors.splice(0)).toEqual([]);
  });

  const rows = () => page.getByTestId('experiment-row');
  const lossCells = async (): Promise<number[]> =>
    (await page.locator('td[data-column="result.loss"]').allInnerTexts()).map(Number);

  it('should show the sweep: six trainings with their metrics', () => {
    expect(trainings).toHaveLength(6);
    expect(new Set(trainings.map((training) => training.loss)).size).toBeGreaterThan(1);
  });

  it('should add config and result columns from the picker and sort by them', async () => {
    await page.goto(`${server.url}/experiments?namespace=${TRAIN}`);
    await expectCount(rows(), 6);
    await page.getByTestId('column-picker').locator('summary').click();
    await page.getByTestId('column-option-config.lr').check();
    await expectPath(page, `/experiments?namespace=${TRAIN}&columns=config.lr`);
    await page.getByTestId('column-option-result.loss').check();
    await expectPath(page, `/experiments?namespace=${TRAIN}&columns=config.lr,result.loss`);
    await expectCount(page.locator('td[data-column="result.loss"]'), 6);

    await page.getByTestId('sort-result.loss').click();
    await expectPath(page, `/experiments?namespace=${TRAIN}&columns=config.lr,result.loss&sort=result.loss`);
    await expectText(page.locator('th[aria-sort="ascending"]'), 'loss');
    const ascending = [...trainings].sort((a, b) => a.loss - b.loss);
    await expectText(rows().first().locator('td:nth-child(4)'), ascending[0]!.hash.slice(0, 8));
    const shown = await lossCells();
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(await rows().evaluateAll((all: Attributes[]) => all.map((row) => row.getAttribute('data-id')))).toEqual(
      ascending.map((training) => `${TRAIN}/${training.hash}`),
    );
    await saveScreenshot(page, 'experiments-columns-sorted');

    await page.getByTestId('sort-result.loss').click();
    await expectPath(page, `/experiments?namespace=${TRAIN}&columns=config.lr,result.loss&sort=-result.loss`);
    await expectText(page.locator('th[aria-sort="descending"]'), 'loss');
    await expectText(rows().first(), ascending.at(-1)!.hash.slice(0, 8));

    // The choice survives a reload: it lives in the URL.
    await page.reload();
    await expectCount(page.locator('td[data-column="config.lr"]'), 6);
  });

  it('should suggest config paths and known values in the filter box, and filter with a comparison', async () => {
    await page.goto(`${server.url}/experiments?namespace=${TRAIN}`);
    await expectCount(rows(), 6);
    await page.getByTestId('filter-config').fill('lr>=0.0');
    const hints = async (): Promise<string[]> =>
      page
        .locator('#config-hints option')
        .evaluateAll((options: Attributes[]) => options.map((o) => o.getAttribute('value') ?? ''));
    await expectCount(page.locator('#config-hints option'), 2);
    expect((await hints()).sort()).toEqual(['lr>=0.001', 'lr>=0.01']);
    await page.getByTestId('filter-config').fill('lr>=0.01');
    await expectPath(page, /config_filter=lr(%3E|>)(%3D|=)0\.01/);
    await expectCount(rows(), trainings.filter((training) => training.lr >= 0.01).length);
  });

  it('should open the experiment of a clicked scatter point', async () => {
    await page.goto(`${server.url}/plots?namespace=${TRAIN}&x=config.lr&y=result.loss`);
    const canvas = page.getByTestId('plot-canvas');
    await expectText(page.getByTestId('plot-count'), '6 of 6 experiments');
    await page.locator('[data-testid="plot-canvas"][data-ready="true"] canvas').waitFor();
    await saveScreenshot(page, 'plots-scatter');

    const box = (await canvas.boundingBox())!;
    const target = loneliestPoint(trainings, box);
    await page.mouse.move(target.x, target.y);
    await expectText(page.getByTestId('plot-hover'), `TrainModel`);
    await expectText(page.getByTestId('plot-hover'), `lr ${target.trainings[0]!.lr}`);
    await page.mouse.click(target.x, target.y);
    // Both datasets of one learning rate may reach the same loss: either point may be on top.
    const hashes = target.trainings.map((training) => training.hash).join('|');
    await expectPath(page, new RegExp(`^/experiments/${TRAIN.replace(/\./g, '\\.')}/(${hashes})$`));
    await expectText(page.locator('h1'), 'TrainModel');
    await expectText(page.getByTestId('config-card'), `${target.trainings[0]!.lr}`);
  });

  it('should reach the plots from the top bar and from the filtered list', async () => {
    await page.goto(`${server.url}/experiments?namespace=${TRAIN}`);
    await page.getByTestId('plots-link').click();
    await expectPath(page, `/plots?namespace=${TRAIN}`);
    await expectText(page.getByTestId('plot-count'), '6 of 6 experiments');
    await page.getByTestId('nav-experiments').click();
    await page.getByTestId('nav-plots').click();
    await expectPath(page, '/plots');
    expect(await page.getByTestId('nav-plots').getAttribute('aria-current')).toBe('page');
  });

  it('should draw parallel coordinates over the varied fields', async () => {
    await page.goto(`${server.url}/plots?namespace=${TRAIN}&view=parallel&y=result.loss`);
    await expectText(page.getByTestId('plot-count'), '6 of 6 experiments');
    await expectText(page.locator('.plots__controls'), 'Axes: dataset.size · lr · loss');
    await page.locator('[data-testid="plot-canvas"][data-ready="true"] canvas').waitFor();
    await saveScreenshot(page, 'plots-parallel');
  });

  it('should download the filtered list with its columns as CSV and JSON', async () => {
    await page.goto(`${server.url}/experiments?namespace=${TRAIN}&columns=config.lr,result.loss&sort=-result.loss`);
    await expectCount(page.locator('td[data-column="result.loss"]'), 6);
    await saveScreenshot(page, 'experiments-export');
    const descending = [...trainings].sort((a, b) => b.loss - a.loss);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toBe('experiments.csv');
    const csv = fs
      .readFileSync(await csvDownload.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    const header = csv[0]!.split(',');
    expect(header.slice(-2)).toEqual(['config.lr', 'result.loss']);
    const cells = csv.slice(1).map((line) => line.split(','));
    expect(cells.map((cell) => cell[header.indexOf('gren_hash')])).toEqual(descending.map((t) => t.hash));
    expect(cells.map((cell) => Number(cell[header.indexOf('result.loss')]))).toEqual(descending.map((t) => t.loss));

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    expect(jsonDownload.suggestedFilename()).toBe('experiments.json');
    const objects = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8')) as Record<string, unknown>[];
    expect(objects.map((row) => [row['gren_hash'], row['config.lr'], row['result.loss']])).toEqual(
      descending.map((t) => [t.hash, t.lr, t.loss]),
    );
  });
});

/**
 * Where the trainings' points are drawn, from the scatter's layout (grid insets of 64, 24, 40
 * and 56 px; each axis 5% beyond the data): the points closer than 6 px to one another are one
 * spot, and the spot farthest from the others is picked, so that a click cannot hit another.
 */
function loneliestPoint(
  trainings: Training[],
  box: { x: number; y: number; width: number; height: number },
): { x: number; y: number; trainings: Training[] } {
  const range = (values: number[]): [number, number] => {
    const low = Math.min(...values);
    const high = Math.max(...values);
    const pad = high > low ? (high - low) * 0.05 : Math.abs(low) * 0.05 || 1;
    return [low - pad, high + pad];
  };
  const [xMin, xMax] = range(trainings.map((t) => t.lr));
  const [yMin, yMax] = range(trainings.map((t) => t.loss));
  const left = box.x + 64;
  const width = box.width - 64 - 24;
  const top = box.y + 40;
  const height = box.height - 40 - 56;
  const spots: { x: number; y: number; trainings: Training[] }[] = [];
  for (const training of trainings) {
    const x = left + ((training.lr - xMin) / (xMax - xMin)) * width;
    const y = top + ((yMax - training.loss) / (yMax - yMin)) * height;
    const near = spots.find((spot) => Math.hypot(spot.x - x, spot.y - y) < 6);
    if (near) near.trainings.push(training);
    else spots.push({ x, y, trainings: [training] });
  }
  const isolation = (spot: (typeof spots)[number]): number =>
    Math.min(...spots.filter((other) => other !== spot).map((other) => Math.hypot(other.x - spot.x, other.y - spot.y)));
  return spots.reduce((best, spot) => (isolation(spot) > isolation(best) ? spot : best));
}

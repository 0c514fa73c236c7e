import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './support/chromium';
import { describeInBrowser } from './support/describe-in-browser';
import { startDashboard, type DashboardServer } from './support/dashboard-server';
import { exampleArtifacts, gradientPng, writeExamplesStore, type ExampleArtifact } from './support/examples-store';
import { expectCount, expectPath, expectText } from './support/page-helpers';
import { saveScreenshot } from './support/screenshots';

jest.setTimeout(60_000);

const SAFE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#3fb950"/></svg>';

/**
 * The timeline, "used by" with the DAG's lineage highlight, and the file viewer, in Debian's
 * chromium, served by the real `gren-dashboard serve`, on a store the examples wrote (a sweep
 * of 8 artifacts on a worker pool, and a failing step). Files a user might leave in an
 * artifact (a CSV, a JSONL history, a PNG, a plain SVG and one with a script) are added to one
 * TrainModel beside the model.json it wrote.
 */
describeInBrowser('the dashboard views for understanding a store, in Chromium', () => {
  let store: string;
  let server: DashboardServer;
  let browser: BrowserSession;
  let page: Page;
  let dataset: ExampleArtifact;
  let train: ExampleArtifact;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    store = await writeExamplesStore();
    const artifacts = exampleArtifacts(store);
    const find = (suffix: string, where: (config: Record<string, unknown>) => boolean): ExampleArtifact => {
      const matches = artifacts.filter((a) => a.namespace.endsWith(suffix) && where(a.config));
      if (matches.length !== 1) throw new Error(`expected one ${suffix}, found ${matches.length}`);
      return matches[0] as ExampleArtifact;
    };
    dataset = find('.PrepareDataset', (config) => config.size === 100);
    train = find('.TrainModel', (config) => config.lr === 0.001 && (config.dataset as { size: number }).size === 100);
    fs.writeFileSync(path.join(train.dir, 'history.csv'), 'step,loss\n0,1.0\n100,0.42\n200,0.31\n');
    fs.writeFileSync(path.join(train.dir, 'history.jsonl'), '{"step": 0, "loss": 1.0}\n{"step": 200, "loss": 0.31}\n');
    fs.mkdirSync(path.join(train.dir, 'plots'));
    fs.writeFileSync(path.join(train.dir, 'plots', 'loss.png'), gradientPng(240, 80));
    fs.writeFileSync(path.join(train.dir, 'plots', 'plain.svg'), SAFE_SVG);
    fs.writeFileSync(
      path.join(train.dir, 'plots', 'evil.svg'),
      SAFE_SVG.replace('<rect', '<script>document.title = "pwned"</script><rect'),
    );
    [server, browser] = await Promise.all([startDashboard(store), openBrowser()]);
    page = browser.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (store) fs.rmSync(store, { recursive: true, force: true });
  });

  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });

  const open = async (address: string): Promise<void> => {
    await page.goto(`${server.url}${address}`);
  };
  const detailPath = (artifact: ExampleArtifact): string => `/experiments/${artifact.namespace}/${artifact.hash}`;
  /** Waits until the viewer's image has loaded and decoded to `width` pixels. */
  const expectNaturalWidth = async (width: number): Promise<void> => {
    const image = page.getByTestId('file-viewer-image');
    const deadline = Date.now() + 10_000;
    let seen = 0;
    while (Date.now() < deadline) {
      seen = await image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth);
      if (seen === width) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`expected the image to be ${width} pixels wide, it is ${seen}`);
  };

  describe('when the timeline opens', () => {
    it('should draw every attempt on this host, coloured by status, and open one on click', async () => {
      await open('/timeline');
      await expectText(page.getByTestId('timeline-count'), /9 attempts · 9 of\s+9 experiments/);
      const bars = page.getByTestId('timeline-bar');
      await expectCount(bars, 9);
      const statuses: (string | null)[] = [];
      for (const bar of await bars.all()) statuses.push(await bar.getAttribute('data-status'));
      expect(statuses.filter((status) => status === 'success')).toHaveLength(8);
      expect(statuses.filter((status) => status === 'failed')).toHaveLength(1);
      await expectText(page.locator('.timeline__host'), os.hostname());
      await saveScreenshot(page, 'timeline');

      await page.locator(`[data-testid="timeline-bar"][href="${detailPath(train)}"]`).click();
      await expectPath(page, detailPath(train));
      await expectText(page.locator('h1'), 'TrainModel');
    });

    it('should take the list filters from the URL', async () => {
      await open('/timeline?result_status=failed');
      await expectCount(page.getByTestId('timeline-bar'), 1);
      await expectText(page.getByTestId('timeline-count'), /1 attempt · 1 of\s+1 experiment/);
      expect(await page.getByTestId('filter-result-status').inputValue()).toBe('failed');
    });
  });

  describe('when a dataset is used by a sweep', () => {
    it('should list the three models using it, by class, and highlight them on the DAG', async () => {
      await open(detailPath(dataset));
      await expectText(page.getByTestId('used-by-summary'), '3 experiments use this one');
      await expectText(page.getByTestId('used-by-classes'), /TrainModel\s*3/);
      await expectCount(page.getByTestId('used-by-row'), 3);
      await page.getByTestId('used-by-card').scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'used-by');

      await page.getByTestId('used-by-dag-link').click();
      await expectPath(
        page,
        `/dag?experiment=${encodeURIComponent(`${dataset.namespace}/${dataset.hash}`)}`.replace(/%2F/g, '/'),
      );
      await expectText(page.getByTestId('dag-lineage'), /0 upstream,\s*3 downstream/);
      await saveScreenshot(page, 'dag-lineage');
    });

    it('should show a model depending on the dataset and used by nothing', async () => {
      await open(detailPath(train));
      await expectText(
        page.getByTestId('used-by-summary'),
        'No stored experiment uses this one. It depends on 1 stored experiment.',
      );
    });
  });

  describe('when comparing a config with its stored siblings', () => {
    it('should list the nearest configs of the class with the one field each differs in', async () => {
      await open(detailPath(train));
      await expectText(page.getByTestId('similar-summary'), 'Compared with 5 stored configs of this class.');
      const rows = page.getByTestId('similar-row');
      await expectCount(rows, 5);
      const fields = await rows.first().getByTestId('similar-difference').locator('td:first-child').allInnerTexts();
      expect(fields.length).toBe(1);
      const allFirstFields: string[] = [];
      for (const row of (await rows.all()).slice(0, 3))
        allFirstFields.push(...(await row.getByTestId('similar-difference').locator('td:first-child').allInnerTexts()));
      expect(allFirstFields.sort()).toEqual(['dataset.size', 'lr', 'lr']);
      await page.getByTestId('similar-card').scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'similar-experiments');
    });

    it('should say why a failed step has nothing usable stored', async () => {
      const failed = exampleArtifacts(store).find((artifact) => artifact.namespace.endsWith('.DivideByZero'));
      await open(detailPath(failed as ExampleArtifact));
      await expectText(page.getByTestId('similar-summary'), 'No other config of this class is stored.');
    });
  });

  describe('when looking at the files a computation wrote', () => {
    const openFile = async (name: string): Promise<void> => {
      await page.getByTestId('file-open').filter({ hasText: name }).click();
      await expectText(page.getByTestId('file-viewer-path'), name);
    };

    it('should list them with sizes, and show JSON, JSONL and CSV readably', async () => {
      await open(detailPath(train));
      const rows = page.getByTestId('file-row');
      await expectCount(rows, 7);
      expect((await rows.locator('td:first-child').allInnerTexts()).map((text) => text.trim())).toEqual([
        'history.csv',
        'history.jsonl',
        'metrics.json',
        'model.json',
        'plots/evil.svg',
        'plots/loss.png',
        'plots/plain.svg',
      ]);
      await openFile('model.json');
      await expectText(page.getByTestId('file-viewer-json'), /weight:\s*-?\d/);
      await openFile('history.jsonl');
      await expectCount(page.locator('[data-testid="file-viewer-jsonl"] > li'), 2);
      await openFile('history.csv');
      const table = page.getByTestId('file-viewer-csv');
      await expectText(table.locator('th'), 'loss');
      await expectCount(table.locator('tbody tr'), 3);
      await page.getByTestId('files-card').scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'file-viewer-csv');
    });

    it('should draw a PNG and an SVG as images, and refuse an SVG holding a script', async () => {
      await open(detailPath(train));
      await openFile('plots/loss.png');
      const image = page.getByTestId('file-viewer-image');
      await image.waitFor();
      await expectNaturalWidth(240);
      await saveScreenshot(page, 'file-viewer-png');

      await openFile('plots/plain.svg');
      await expectNaturalWidth(120);
      expect(await page.locator('[data-testid="file-viewer"] svg').count()).toBe(0);

      await openFile('plots/evil.svg');
      await expectText(page.getByTestId('file-viewer-error'), 'holds a <script> element');
      expect(await page.title()).not.toBe('pwned');
    });

    it('should refuse paths outside the artifact with 422, even from the signed-in page', async () => {
      await open(detailPath(train));
      const base = `/api/experiments/${train.namespace}/${train.hash}/files/text?path=`;
      const statuses = await page.evaluate(
        async (urls) => Promise.all(urls.map(async (url) => (await fetch(url)).status)),
        [`${base}..%2F..%2F..%2F..%2Fetc%2Fpasswd`, `${base}%2Fetc%2Fpasswd`, `${base}.gren%2Fstate.json`],
      );
      expect(statuses).toEqual([422, 422, 422]);
    });
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { LAPTOP, WIDE } from './support/chromium';
import { describeInBrowser } from './support/describe-in-browser';
import { useDashboardInBrowser } from './support/dashboard-in-browser';
import { WORKSPACE, type DashboardServer } from './support/dashboard-server';
import { columnTexts, expectCount, expectPath, expectText } from './support/page-helpers';
import { saveScreenshot } from './support/screenshots';
import { OurStore, type StoredArtifact } from './support/web-store';

jest.setTimeout(60_000);

const VERSION = (
  JSON.parse(fs.readFileSync(path.join(WORKSPACE, 'lib', 'package.json'), 'utf8')) as { version: string }
).version;

const MNIST = { __class__: 'webspec.data.Dataset', name: 'mnist', rows: 60000 };
const CIFAR = { __class__: 'webspec.data.Dataset', name: 'cifar10', rows: 50000 };

/**
 * The built SPA, served by the real `gren-dashboard serve`, in Debian's chromium, on a store
 * that our library wrote in real processes (support/web-store.ts): 11 experiments, of which
 * 8 succeeded, 1 failed, 1 is running (a live child process) and 1 is queued.
 */
describeInBrowser('the dashboard in Chromium, on a store written by our library', () => {
  let store: OurStore;
  let a: Record<
    | 'mnist'
    | 'cifar'
    | 'fast'
    | 'slow'
    | 'other'
    | 'evaluate'
    | 'ensemble'
    | 'report'
    | 'explode'
    | 'longRun'
    | 'parked',
    StoredArtifact
  >;

  const session = useDashboardInBrowser(async () => {
    store = await OurStore.create();
    a = {
      mnist: store.find('webspec.data.Dataset', { name: 'mnist' }),
      cifar: store.find('webspec.data.Dataset', { name: 'cifar10' }),
      fast: store.find('webspec.train.Train', { dataset: MNIST, optimizer: 'sgd' }),
      slow: store.find('webspec.train.Train', { dataset: MNIST, optimizer: 'adam' }),
      other: store.find('webspec.train.Train', { dataset: CIFAR }),
      evaluate: store.find('webspec.train.Evaluate'),
      ensemble: store.find('webspec.train.Ensemble'),
      report: store.find('webspec.reports.Report'),
      explode: store.find('webspec.jobs.Explode'),
      longRun: store.find('webspec.jobs.LongRun'),
      parked: store.find('webspec.jobs.Parked'),
    };
    return { root: store.root, dispose: () => store.dispose() };
  });
  let server: DashboardServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const open = async (address: string): Promise<void> => {
    await page.goto(`${server.url}${address}`);
  };
  const detailPath = (artifact: StoredArtifact): string => `/experiments/${artifact.namespace}/${artifact.hash}`;
  const rows = () => page.getByTestId('experiment-row');
  const heading = () => page.locator('h1');

  describe('when the home page opens', () => {
    it('should show the API as healthy with the package version', async () => {
      await open('/');
      await expectText(page.getByTestId('api-status'), 'Healthy');
      await expectText(page.getByTestId('api-version'), `v${VERSION}`);
    });

    it('should show the four counts, the status distribution and the 5 latest experiments', async () => {
      await open('/');
      await expectText(page.getByTestId('stats-total-value'), /^\s*11\s*$/);
      await expectText(page.getByTestId('stats-running'), /Running\s*1/);
      await expectText(page.getByTestId('stats-success'), /Successful\s*8/);
      await expectText(page.getByTestId('stats-failed'), /Failed\s*1/);
      const legend = page.getByTestId('status-distribution').locator('li');
      await expectCount(legend, 3);
      expect((await legend.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
        'failed 1',
        'incomplete 2',
        'success 8',
      ]);
      await expectCount(page.getByTestId('recent-table').locator('tbody tr'), 5);
      await saveScreenshot(page, 'home');
    });
  });

  describe('when moving around with the top bar', () => {
    it('should reach every page and come back to the dashboard through the logo', async () => {
      await open('/');
      await page.getByTestId('nav-experiments').click();
      await expectPath(page, '/experiments');
      await expectText(heading(), 'Experiments');
      await expectText(page.getByTestId('results-count'), 'Showing 11 of 11 experiments');

      await page.getByTestId('nav-dag').click();
      await expectPath(page, '/dag');
      await expectText(heading(), 'Experiment DAG');

      await page.getByTestId('nav-dashboard').click();
      await expectPath(page, '/');
      await expectText(heading(), 'Dashboard');

      await page.getByTestId('view-all').click();
      await expectPath(page, '/experiments');
      await expectText(page.getByTestId('nav-experiments'), 'Experiments');
      expect(await page.getByTestId('nav-experiments').getAttribute('aria-current')).toBe('page');

      await page.getByTestId('nav-logo').click();
      await expectPath(page, '/');
      await expectText(heading(), 'Dashboard');
    });

    it('should show a not-found page for an unknown address', async () => {
      await open('/no/such/page');
      await expectText(page.getByTestId('page-not-found'), '404: Page not found');
      await page.getByRole('link', { name: 'browse experiments' }).click();
      await expectPath(page, '/experiments');
    });
  });

  describe('when filtering the experiments list', () => {
    it('should list every experiment with its status, at laptop and wide-screen sizes', async () => {
      await open('/experiments');
      await expectText(page.getByTestId('results-count'), 'Showing 11 of 11 experiments');
      await expectCount(rows(), 11);
      const classes = await columnTexts(rows(), 2);
      expect([...classes].sort()).toEqual([
        'Dataset',
        'Dataset',
        'Ensemble',
        'Evaluate',
        'Explode',
        'LongRun',
        'Parked',
        'Report',
        'Train',
        'Train',
        'Train',
      ]);
      const running = rows().filter({ hasText: 'LongRun' });
      await expectText(running.locator('td:nth-child(6)'), 'running');
      await expectText(rows().filter({ hasText: 'Parked' }).locator('td:nth-child(6)'), 'queued');
      await expectText(rows().filter({ hasText: 'Parked' }).locator('td:nth-child(7)'), 'parked');
      await saveScreenshot(page, 'experiments-list');

      await page.setViewportSize(WIDE);
      try {
        await expectCount(rows(), 11);
        await saveScreenshot(page, 'experiments-list-wide');
      } finally {
        await page.setViewportSize(LAPTOP);
      }
    });

    it('should filter by result status and keep it in the URL', async () => {
      await open('/experiments');
      await expectCount(rows(), 11);
      await page.getByTestId('filter-result-status').selectOption('failed');
      await expectPath(page, '/experiments?result_status=failed');
      await expectText(page.getByTestId('results-count'), 'Showing 1 of 1 experiments');
      await expectCount(rows(), 1);
      expect(await columnTexts(rows(), 2)).toEqual(['Explode']);
      await expectText(page.getByTestId('clear-filters'), 'Clear filters');
      await saveScreenshot(page, 'experiments-filtered');

      await page.getByTestId('clear-filters').click();
      await expectPath(page, '/experiments');
      await expectCount(rows(), 11);
    });

    it('should filter by namespace prefix once typing stops', async () => {
      await open('/experiments');
      await expectCount(rows(), 11);
      await page.getByTestId('filter-namespace').fill('webspec.train');
      await expectPath(page, '/experiments?namespace=webspec.train');
      await expectText(page.getByTestId('results-count'), 'Showing 5 of 5 experiments');
      expect((await columnTexts(rows(), 2)).sort()).toEqual(['Ensemble', 'Evaluate', 'Train', 'Train', 'Train']);
    });

    it('should filter by a nested config value, explaining a half-typed one', async () => {
      await open('/experiments');
      await expectCount(rows(), 11);
      // Half typed, the filter has no operator yet: the API refuses it and the page says why.
      await page.getByTestId('filter-config').fill('dataset.name');
      await expectText(page.getByTestId('filter-error'), 'Invalid config_filter');
      await page.getByTestId('filter-config').fill('dataset.name=cifar10');
      await expectPath(page, /^\/experiments\?config_filter=dataset\.name(=|%3D)cifar10$/);
      await expectText(page.getByTestId('results-count'), 'Showing 1 of 1 experiments');
      expect(await rows().getAttribute('data-id')).toBe(`webspec.train.Train/${a.other.hash}`);
    });

    it('should say so when nothing matches', async () => {
      await open('/experiments?namespace=no.such.namespace');
      await expectText(page.getByTestId('empty-state'), 'No experiments found');
      await expectText(page.getByTestId('empty-state'), 'Try adjusting your filters');
      expect(await page.getByTestId('filter-namespace').inputValue()).toBe('no.such.namespace');
      await expectCount(rows(), 0);
    });

    it('should restore each step of the filters with back and forward', async () => {
      await open('/experiments');
      await expectCount(rows(), 11);
      await page.getByTestId('filter-result-status').selectOption('success');
      await expectText(page.getByTestId('results-count'), 'Showing 8 of 8 experiments');
      await page.getByTestId('filter-namespace').fill('webspec.data');
      await expectPath(page, '/experiments?result_status=success&namespace=webspec.data');
      await expectText(page.getByTestId('results-count'), 'Showing 2 of 2 experiments');

      await page.goBack();
      await expectPath(page, '/experiments?result_status=success');
      await expectText(page.getByTestId('results-count'), 'Showing 8 of 8 experiments');
      expect(await page.getByTestId('filter-result-status').inputValue()).toBe('success');
      expect(await page.getByTestId('filter-namespace').inputValue()).toBe('');

      await page.goBack();
      await expectPath(page, '/experiments');
      await expectText(page.getByTestId('results-count'), 'Showing 11 of 11 experiments');
      expect(await page.getByTestId('filter-result-status').inputValue()).toBe('');

      await page.goForward();
      await page.goForward();
      await expectPath(page, '/experiments?result_status=success&namespace=webspec.data');
      await expectText(page.getByTestId('results-count'), 'Showing 2 of 2 experiments');
      expect(await page.getByTestId('filter-namespace').inputValue()).toBe('webspec.data');
      expect((await columnTexts(rows(), 2)).sort()).toEqual(['Dataset', 'Dataset']);
    });
  });

  describe('when going from the list to a detail page and back', () => {
    it('should open the experiment from its row and return through the breadcrumb', async () => {
      await open('/experiments?namespace=webspec.reports');
      await expectCount(rows(), 1);
      await rows().getByRole('link', { name: 'Report' }).click();
      await expectPath(page, detailPath(a.report));
      await expectText(heading(), 'Report');
      await expectText(page.getByTestId('experiment-hash'), a.report.hash);
      // A version-controlled artifact lives under git/.
      await expectText(
        page.getByTestId('experiment-directory'),
        path.join(store.root, 'git', 'webspec', 'reports', 'Report', a.report.hash),
      );

      await page.getByTestId('breadcrumb-experiments').click();
      await expectPath(page, '/experiments');
      await expectText(page.getByTestId('results-count'), 'Showing 11 of 11 experiments');
    });

    it('should load a detail page from a direct URL', async () => {
      await open(detailPath(a.evaluate));
      await expectText(heading(), 'Evaluate');
      await expectText(page.getByTestId('experiment-header'), 'webspec.train.Evaluate');
      await expectText(page.getByTestId('result-status'), 'success');
      await expectText(page.getByTestId('config-card'), /split\s*"test"/);
    });

    it('should explain that an unknown experiment does not exist', async () => {
      await open('/experiments/webspec.jobs.Explode/00000000000000000000');
      await expectText(page.getByTestId('experiment-not-found'), 'Experiment Not Found');
      await expectText(page.getByTestId('experiment-not-found'), 'webspec.jobs.Explode/00000000000000000000');
      await saveScreenshot(page, 'experiment-not-found');
      await page.getByRole('link', { name: 'Back to experiments' }).click();
      await expectPath(page, '/experiments');
    });
  });

  describe('when reading an experiment', () => {
    it('should show the error type, message and traceback of the failed one', async () => {
      await open(detailPath(a.explode));
      await expectText(page.getByTestId('result-status'), 'failed');
      await expectText(page.getByTestId('error-type'), 'RangeError');
      await expectText(page.getByTestId('error-message'), 'loss diverged at step 7');
      const traceback = page.getByTestId('error-traceback');
      await expectText(traceback, 'RangeError: loss diverged at step 7');
      expect(await traceback.innerText()).toMatch(/\n\s+at .*web-pipelines\.js:\d+/);
      await expectText(page.getByTestId('log-lines'), 'about to fail at step 7');
      await saveScreenshot(page, 'detail-failed');
    });

    it('should show the lines of the artifact log', async () => {
      await open(detailPath(a.slow));
      const log = page.getByTestId('log-lines');
      await expectText(log, 'epoch 1/5 loss=0.9900 rows=60000');
      await expectText(log, 'epoch 5/5 loss=0.9510 rows=60000');
      const onDisk = fs
        .readFileSync(path.join(a.slow.dir, '.gren', 'gren.log'), 'utf8')
        .trimEnd()
        .split('\n');
      expect((await log.innerText()).trimEnd().split('\n')).toEqual(onDisk);
    });

    it('should follow the log of a running attempt as the process writes to it', async () => {
      await open(detailPath(a.longRun));
      await expectText(page.getByTestId('attempt-status'), 'running');
      const log = page.getByTestId('log-lines');
      await expectText(log, 'long run lr-1 started');
      expect(await page.getByTestId('log-follow').isChecked()).toBe(true);
      await expectText(page.getByTestId('log-card'), 'following');

      store.say('checkpoint 1 saved at step 100');
      await expectText(log, 'checkpoint 1 saved at step 100', 15_000);
      store.say('checkpoint 2 saved at step 200');
      await expectText(log, 'checkpoint 2 saved at step 200', 15_000);
      await saveScreenshot(page, 'detail-running');
    });

    it('should show a queued attempt with the executor that holds it', async () => {
      await open(detailPath(a.parked));
      await expectText(page.getByTestId('attempt-status'), 'queued');
      await expectText(page.getByTestId('attempt-card'), /Backend\s*parked/);
      await expectText(page.getByTestId('log-card'), /./);
    });

    it('should go to a parent and from it to its children', async () => {
      await open(detailPath(a.evaluate));
      const parent = page.getByTestId('parent-item');
      await expectCount(parent, 1);
      await expectText(parent, /train\s*:\s*Train/);
      await parent.getByTestId('parent-link').click();
      await expectPath(page, detailPath(a.fast));
      await expectText(heading(), 'Train');

      const children = page.getByTestId('child-item');
      await expectCount(children, 2);
      expect(
        (await children.allInnerTexts())
          .map((text) => text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' '))
          .sort(),
      ).toEqual(['Ensemble via members[0]', 'Evaluate via train']);
      await children.filter({ hasText: 'Ensemble' }).getByTestId('child-link').click();
      await expectPath(page, detailPath(a.ensemble));
      await expectText(heading(), 'Ensemble');

      // The dependencies inside the members array are parents too.
      const parents = page.getByTestId('parent-item');
      await expectCount(parents, 2);
      await parents.filter({ hasText: 'members[1]' }).getByTestId('parent-link').click();
      await expectPath(page, detailPath(a.slow));
      await expectText(page.getByTestId('config-card'), /optimizer\s*"adam"/);
    });

    it('should link a dependency in the configuration to its experiment', async () => {
      await open(detailPath(a.other));
      const dependency = page.getByTestId('config-card').getByTestId('dependency-link');
      await expectText(dependency, 'webspec.data.Dataset');
      await dependency.click();
      await expectPath(page, detailPath(a.cifar));
      await expectText(heading(), 'Dataset');
      await expectText(page.getByTestId('config-card'), /name\s*"cifar10"/);
    });

    it('should link the dependencies held in an array in the configuration', async () => {
      await open(detailPath(a.ensemble));
      const links = page.getByTestId('config-card').getByTestId('dependency-link');
      await expectCount(links, 2);
      await links.nth(1).click();
      await expectPath(page, detailPath(a.slow));
    });
  });

  describe('when exploring the DAG', () => {
    /** The centre of a class node on screen, from cytoscape's rendered bounding box. */
    const nodeCentre = (id: string): Promise<{ x: number; y: number } | null> =>
      page.evaluate<{ x: number; y: number } | null>(`(() => {
        const canvas = document.querySelector('[data-testid="dag-canvas"]');
        const cy = canvas && canvas._cyreg && canvas._cyreg.cy;
        if (!cy) return null;
        const node = cy.getElementById(${JSON.stringify(id)});
        if (node.empty()) return null;
        const box = node.renderedBoundingBox();
        const frame = canvas.getBoundingClientRect();
        return { x: Math.round(frame.left + (box.x1 + box.x2) / 2), y: Math.round(frame.top + (box.y1 + box.y2) / 2) };
      })()`);

    /** Waits until the node stops moving (layout and fit done), then returns where it is. */
    const settledCentre = async (id: string): Promise<{ x: number; y: number }> => {
      const deadline = Date.now() + 10_000;
      let previous = await nodeCentre(id);
      for (;;) {
        await page.waitForTimeout(150);
        const current = await nodeCentre(id);
        if (current && previous && current.x === previous.x && current.y === previous.y) return current;
        if (Date.now() > deadline)
          throw new Error(`the ${id} node did not settle (last seen ${JSON.stringify(current)})`);
        previous = current;
      }
    };

    it('should count classes, dependencies and experiments', async () => {
      await open('/dag');
      await expectText(page.getByTestId('dag-classes'), /Classes\s*8/);
      await expectText(page.getByTestId('dag-dependencies'), /Dependencies\s*3/);
      await expectText(page.getByTestId('dag-experiments'), /Experiments\s*11/);
      await expectCount(page.getByTestId('dag-class-button'), 8);
    });

    it('should open the panel of a clicked node and lead to an experiment', async () => {
      await open('/dag');
      const canvas = page.getByTestId('dag-canvas');
      await canvas.scrollIntoViewIfNeeded();
      const centre = await settledCentre('webspec.train.Train');
      await page.mouse.click(centre.x, centre.y);

      const panel = page.getByTestId('dag-panel');
      await expectText(panel.locator('h2'), 'Train');
      await expectText(panel, 'webspec.train.Train');
      await expectText(panel, '3 experiments');
      await expectText(panel, '3 success');
      const links = panel.getByTestId('dag-panel-link');
      await expectCount(links, 3);
      expect((await links.allInnerTexts()).sort()).toEqual(
        [a.fast, a.slow, a.other].map((artifact) => `${artifact.hash.slice(0, 12)}...`).sort(),
      );
      await saveScreenshot(page, 'dag-panel');

      await links.filter({ hasText: a.other.hash.slice(0, 12) }).click();
      await expectPath(page, detailPath(a.other));
      await expectText(heading(), 'Train');
    });

    it('should open the same panel from the keyboard-usable class list and close it', async () => {
      await open('/dag');
      const button = page.getByTestId('dag-class-button').filter({ hasText: 'LongRun' });
      await button.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByTestId('dag-panel');
      await expectText(panel, '1 running');
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      await panel.getByTestId('dag-panel-close').click();
      await expectCount(panel, 0);
    });
  });

  describe('when comparing experiments', () => {
    it('should put the picked experiments side by side and narrow to the differences', async () => {
      await open('/experiments?namespace=webspec.train.Train');
      await expectCount(rows(), 3);
      await page.getByRole('checkbox', { name: `Select Train ${a.fast.hash} for comparison` }).check();
      await page.getByRole('checkbox', { name: `Select Train ${a.slow.hash} for comparison` }).check();
      await expectText(page.getByTestId('selection-count'), '2 selected');
      await page.getByTestId('compare-button').click();
      await expectPath(page, /^\/compare\?ids=/);
      const ids = new URL(page.url()).searchParams.get('ids') ?? '';
      expect(ids.split(',').sort()).toEqual(
        [`webspec.train.Train/${a.fast.hash}`, `webspec.train.Train/${a.slow.hash}`].sort(),
      );

      await expectCount(page.getByTestId('compare-column'), 2);
      const compareRows = page.getByTestId('compare-row');
      await expectCount(compareRows, 7);
      const differing = compareRows.and(page.locator('[data-differs="true"]'));
      expect((await differing.locator('th').allInnerTexts()).sort()).toEqual(['epochs', 'lr', 'optimizer']);
      await expectText(compareRows.filter({ hasText: 'optimizer' }), /"sgd"\s*"adam"|"adam"\s*"sgd"/);

      await page.getByTestId('only-differences').check();
      await expectCount(compareRows, 3);
      await saveScreenshot(page, 'compare');
      await page.getByTestId('only-differences').uncheck();
      await expectCount(compareRows, 7);

      // The third Train can be added from the same page.
      await page.getByTestId('compare-add').click();
      await expectCount(page.getByTestId('compare-column'), 3);
    });
  });

  // Last: it adds an artifact, which changes every count above.
  describe('when the store changes while a page is open', () => {
    it('should show a new artifact without a reload', async () => {
      await open('/experiments');
      await expectText(page.getByTestId('results-count'), 'Showing 11 of 11 experiments');
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations.push(frame.url());
      });
      await store.addDataset('late-arrival');
      const added = store.find('webspec.data.Dataset', { name: 'late-arrival' });
      await page
        .locator(`[data-testid="experiment-row"][data-id="webspec.data.Dataset/${added.hash}"]`)
        .waitFor({ timeout: 20_000 });
      await expectText(page.getByTestId('results-count'), 'Showing 12 of 12 experiments');
      expect(navigations).toEqual([]);
    });
  });
});

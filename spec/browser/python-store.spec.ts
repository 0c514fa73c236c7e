import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from './support/describe-in-browser';
import { useDashboardInBrowser } from './support/dashboard-in-browser';
import type { DashboardServer } from './support/dashboard-server';
import { columnTexts, expectCount, expectPath, expectText } from './support/page-helpers';
import { copyPythonStore, removeStore } from './support/python-store';
import { saveScreenshot } from './support/screenshots';

jest.setTimeout(60_000);

const NS = 'refstore.pipelines';
const HASH = {
  top: '3c619c85f3318dea28d6',
  middle: '1e1b3009df52e5a80d97',
  deepLeaf: 'a65a03d18cb6d9070e55',
  failing: '832ec803029f113ac375',
  versioned: '421e8bcf47d8e5ec658d',
} as const;

/**
 * The same SPA and server on a copy of spec/fixtures/python/python-store (15 artifacts written
 * by the Python gren 0.2.0): what a user of the Python library sees.
 */
describeInBrowser('the dashboard in Chromium, on a store written by the Python gren', () => {
  let store: string;
  const session = useDashboardInBrowser(() => {
    store = copyPythonStore();
    return { root: store, dispose: () => removeStore(store) };
  });
  let server: DashboardServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const open = async (address: string): Promise<void> => {
    await page.goto(`${server.url}${address}`);
  };
  const rows = () => page.getByTestId('experiment-row');
  const heading = () => page.locator('h1');

  describe('when the home page opens', () => {
    it('should count 15 experiments: 14 successful, 1 failed, none running', async () => {
      await open('/');
      await expectText(page.getByTestId('api-status'), 'Healthy');
      await expectText(page.getByTestId('stats-total-value'), /^\s*15\s*$/);
      await expectText(page.getByTestId('stats-success'), /Successful\s*14/);
      await expectText(page.getByTestId('stats-failed'), /Failed\s*1/);
      await expectText(page.getByTestId('stats-running'), /Running\s*0/);
      await saveScreenshot(page, 'python-home');
    });
  });

  describe('when filtering the experiments list', () => {
    it('should list the five Leaf artifacts of the namespace', async () => {
      await open(`/experiments?namespace=${NS}.Leaf`);
      await expectText(page.getByTestId('results-count'), 'Showing 5 of 5 experiments');
      expect(await columnTexts(rows(), 2)).toEqual(['Leaf', 'Leaf', 'Leaf', 'Leaf', 'Leaf']);
      expect(await page.getByTestId('filter-namespace').inputValue()).toBe(`${NS}.Leaf`);
    });

    it('should match config values as Python prints them', async () => {
      await open('/experiments');
      await expectCount(rows(), 15);
      await page.getByTestId('filter-config').fill('f_one=1.0');
      await expectText(page.getByTestId('results-count'), 'Showing 2 of 2 experiments');
      expect(await columnTexts(rows(), 2)).toEqual(['Scalars', 'Scalars']);
      await page.getByTestId('filter-config').fill('middle.leaf.name=deep-leaf');
      await expectText(page.getByTestId('results-count'), 'Showing 1 of 1 experiments');
      expect(await rows().getAttribute('data-id')).toBe(`${NS}.Top/${HASH.top}`);
    });
  });

  describe('when reading experiments', () => {
    it('should show the Python traceback of the failed one', async () => {
      await open(`/experiments/${NS}.Failing/${HASH.failing}`);
      await expectText(page.getByTestId('error-type'), 'RuntimeError');
      await expectText(page.getByTestId('error-message'), 'intentional failure for reference store');
      const traceback = page.getByTestId('error-traceback');
      await expectText(traceback, 'Traceback (most recent call last):');
      await expectText(traceback, 'raise RuntimeError(self.reason)');
      await saveScreenshot(page, 'python-detail-failed');
    });

    it('should walk the Top → Middle → Leaf chain through dependency links and back through children', async () => {
      await open(`/experiments/${NS}.Top/${HASH.top}`);
      await expectText(heading(), 'Top');
      await page.getByTestId('config-card').getByTestId('dependency-link').click();
      await expectPath(page, `/experiments/${NS}.Middle/${HASH.middle}`);
      await expectText(heading(), 'Middle');

      await page.getByTestId('parent-item').getByTestId('parent-link').click();
      await expectPath(page, `/experiments/${NS}.Leaf/${HASH.deepLeaf}`);
      await expectText(page.getByTestId('config-card'), /name\s*"deep-leaf"/);

      const child = page.getByTestId('child-item');
      await expectCount(child, 1);
      await expectText(child, /Middle\s*via\s*leaf/);
      await child.getByTestId('child-link').click();
      await expectPath(page, `/experiments/${NS}.Middle/${HASH.middle}`);
      await page.getByTestId('child-item').getByTestId('child-link').click();
      await expectPath(page, `/experiments/${NS}.Top/${HASH.top}`);
    });

    it('should place the version-controlled artifact under git/', async () => {
      await open(`/experiments/${NS}.Versioned/${HASH.versioned}`);
      await expectText(
        page.getByTestId('experiment-directory'),
        path.join(store, 'git', 'refstore', 'pipelines', 'Versioned', HASH.versioned),
      );
    });
  });

  describe('when exploring the DAG', () => {
    it('should open the Leaf panel from the class list and go to an experiment', async () => {
      await open('/dag');
      await expectText(page.getByTestId('dag-experiments'), /Experiments\s*15/);
      await page
        .getByTestId('dag-class-button')
        .filter({ hasText: /^\s*Leaf\b/ })
        .click();
      const panel = page.getByTestId('dag-panel');
      await expectText(panel, `${NS}.Leaf`);
      await expectCount(panel.getByTestId('dag-panel-link'), 5);
      await saveScreenshot(page, 'python-dag');
      await panel
        .getByTestId('dag-panel-link')
        .filter({ hasText: HASH.deepLeaf.slice(0, 12) })
        .click();
      await expectPath(page, `/experiments/${NS}.Leaf/${HASH.deepLeaf}`);
    });
  });
});

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from './support/describe-in-browser';
import { useDashboardInBrowser } from './support/dashboard-in-browser';
import { WORKSPACE, type DashboardServer } from './support/dashboard-server';
import { expectCount, expectPath, expectText } from './support/page-helpers';
import { copyPythonStore, removeStore } from './support/python-store';
import { saveScreenshot } from './support/screenshots';

jest.setTimeout(60_000);

/** The Python store's Leaf, Middle and Top after a TypeScript change: Leaf gained `weight`. */
const CHANGED_CLASSES = path.join(WORKSPACE, 'spec', 'integration', 'children', 'python-store-v2.ts');
const GREN = path.join(WORKSPACE, 'lib', 'dist', 'bin', 'gren.js');
const PYTHON_LEAF = '2a009cca8e40ced324a5';

/**
 * A copy of the Python-written store, migrated by `gren migrate` to classes that changed,
 * shown by `gren-dashboard serve --module` with those classes: stale rows, the filter, and
 * the detail page's differences.
 */
describeInBrowser('the dashboard in Chromium, on a Python-written store after a class gained a field', () => {
  const session = useDashboardInBrowser(
    () => {
      const root = copyPythonStore();
      execFileSync(process.execPath, [GREN, 'migrate', CHANGED_CLASSES, '--root', root], {
        env: { ...process.env, GREN_LOG_LEVEL: 'ERROR' },
      });
      return { root, dispose: () => removeStore(root) };
    },
    { module: CHANGED_CLASSES },
  );
  let server: DashboardServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const rows = () => page.getByTestId('experiment-row');

  it('should badge the stale rows and list only them with the Class Fit filter', async () => {
    await page.goto(`${server.url}/experiments?namespace=refstore.pipelines.Leaf`);
    await expectCount(rows(), 10);
    await expectCount(page.getByTestId('stale-badge'), 5);
    await page.getByTestId('filter-namespace').fill('');
    await page.getByTestId('filter-stale').selectOption('true');
    await expectText(page.getByTestId('results-count'), 'Showing 7 of 7 experiments');
    await expectPath(page, /stale=true/);
    await saveScreenshot(page, 'stale-list');
  });

  it('should show a stale Leaf with its missing field and link the identity it was migrated to', async () => {
    await page.goto(`${server.url}/experiments/refstore.pipelines.Leaf/${PYTHON_LEAF}`);
    await expectText(page.getByTestId('stale-change'), 'weight: missing');
    await expectText(page.getByTestId('stale-mapping'), "Leaf: addedField('weight', 1)");
    await saveScreenshot(page, 'stale-detail');
    await page.getByTestId('stale-mapping').locator('a').click();
    await expectPath(page, /\/experiments\/refstore\.pipelines\.Leaf\/(?!2a009cca)[0-9a-f]{20}$/);
    await expectText(page.getByTestId('result-status'), 'success');
    await expectCount(page.getByTestId('stale-card'), 0);
  });

  it('should say where the migrated Leaf reads its result from, and link back to it', async () => {
    await page.goto(`${server.url}/experiments/refstore.pipelines.Leaf/${PYTHON_LEAF}`);
    await expectCount(page.getByTestId('reused-by'), 1);
    await page.getByTestId('reused-by').locator('a').click();
    await expectPath(page, /\/experiments\/refstore\.pipelines\.Leaf\/(?!2a009cca)[0-9a-f]{20}$/);
    await expectText(page.getByTestId('reused-from'), `refstore.pipelines.Leaf/${PYTHON_LEAF}`);
    await expectText(page.getByTestId('reused-from'), "by Leaf: addedField('weight', 1)");
    await expectText(page.getByTestId('reused-result-directory'), `/refstore/pipelines/Leaf/${PYTHON_LEAF}`);
    await saveScreenshot(page, 'reused-result');
    await page.getByTestId('reused-from').locator('a').click();
    await expectPath(page, `/experiments/refstore.pipelines.Leaf/${PYTHON_LEAF}`);
    await expectCount(page.getByTestId('reused-from'), 0);
  });
});

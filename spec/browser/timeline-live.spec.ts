import type { Page } from 'playwright-core';
import { describeInBrowser } from './support/describe-in-browser';
import { useDashboardInBrowser } from './support/dashboard-in-browser';
import type { DashboardServer } from './support/dashboard-server';
import { expectCount, expectText } from './support/page-helpers';
import { saveScreenshot } from './support/screenshots';
import { OurStore } from './support/web-store';

jest.setTimeout(60_000);

/**
 * The timeline while something runs: on the browser suite's store (support/web-store.ts), a
 * LongRun kept running by a live child process and a Parked attempt left queued. Their bars
 * end at "now", so they grow while the page is open.
 */
describeInBrowser('the timeline in Chromium, while an attempt runs', () => {
  const session = useDashboardInBrowser(async () => {
    const store = await OurStore.create();
    return { root: store.root, dispose: () => store.dispose() };
  });
  let server: DashboardServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });

  it('should draw the running and queued attempts growing with the clock, among the finished ones', async () => {
    await page.goto(`${server.url}/timeline`);
    await expectCount(page.getByTestId('timeline-bar'), 11);
    await expectText(page.getByTestId('timeline-running'), '1 running');
    const running = page.locator('[data-testid="timeline-bar"][data-status="running"]');
    await expectCount(running, 1);
    await expectCount(page.locator('[data-testid="timeline-bar"][data-status="queued"]'), 1);
    await expectCount(page.locator('[data-testid="timeline-bar"][data-status="failed"]'), 1);
    expect(await running.getAttribute('class')).toContain('timeline__bar--live');
    expect(await running.getAttribute('title')).toContain('LongRun');

    // The running bar ends at "now": its duration so far advances with the clock. (Its width
    // only grows when some other attempt started before it; when it started first it spans
    // the whole axis from the start.)
    const soFar = async (): Promise<string> =>
      /(\S+ s) so far/.exec((await running.getAttribute('title')) ?? '')?.[1] ?? '';
    const before = await soFar();
    expect(before).not.toBe('');
    const deadline = Date.now() + 15_000;
    let after = before;
    while (after === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await soFar();
    }
    expect(after).not.toBe(before);
    const bar = await running.boundingBox();
    const track = await running.locator('xpath=..').boundingBox();
    expect(bar && track).toBeTruthy();
    expect(Math.abs(bar!.x + bar!.width - (track!.x + track!.width))).toBeLessThan(2);
    await saveScreenshot(page, 'timeline-running');
  });
});

import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './chromium';
import { startDashboard, type DashboardServer, type DashboardStartOptions } from './dashboard-server';

/** A store a suite prepared for the dashboard, and how to remove it afterwards. */
export interface SuiteStore {
  readonly root: string;
  dispose(): void | Promise<void>;
}

/** What the suite's tests use, filled once its beforeAll has run. */
export interface DashboardInBrowser {
  server: DashboardServer;
  page: Page;
}

/**
 * One suite's lifecycle: the store `prepare` makes, `gren-dashboard serve` on it and a
 * Chromium page, all closed afterwards; an uncaught exception in the app fails the test
 * that caused it. Register it first: hooks run in the order they are registered.
 */
export function useDashboardInBrowser(
  prepare: () => SuiteStore | Promise<SuiteStore>,
  options: DashboardStartOptions = {},
): DashboardInBrowser {
  const session = {} as DashboardInBrowser;
  let store: SuiteStore | undefined;
  let browser: BrowserSession | undefined;
  let server: DashboardServer | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    store = await prepare();
    [server, browser] = await Promise.all([startDashboard(store.root, 60_000, options), openBrowser()]);
    session.server = server;
    session.page = browser.page;
    browser.page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await store?.dispose();
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  return session;
}

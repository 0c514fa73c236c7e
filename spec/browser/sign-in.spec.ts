import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './support/chromium';
import { describeInBrowser } from './support/describe-in-browser';
import { startDashboard, type DashboardServer } from './support/dashboard-server';
import { expectPath, expectText } from './support/page-helpers';
import { copyPythonStore, removeStore } from './support/python-store';
import { saveScreenshot } from './support/screenshots';

jest.setTimeout(60_000);

const TOKEN = 'spec-token-0123456789abcdefghijklmnop';
const TOP = '/experiments/refstore.pipelines.Top/3c619c85f3318dea28d6';
const MIDDLE = 'refstore.pipelines.Middle/1e1b3009df52e5a80d97';
const LEAF = 'refstore.pipelines.Leaf/a65a03d18cb6d9070e55';

/** Collects what the page reports about its Content-Security-Policy (events and console lines). */
const CSP_PROBE = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at ' + event.sourceFile + ':' + event.lineNumber);
  });
})();`;

/**
 * The real `gren-dashboard serve --token` (compiled CLI, built SPA) in Debian's chromium: the
 * sign-in page while the API answers 401, the token exchanged for an HttpOnly cookie (pasted
 * or through the printed login link), and every page working under the strict CSP.
 */
describeInBrowser('the dashboard behind an access token, in Chromium', () => {
  let store: string;
  let server: DashboardServer;
  let browser: BrowserSession;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const cspConsole: string[] = [];

  beforeAll(async () => {
    store = copyPythonStore();
    [server, browser] = await Promise.all([startDashboard(store, 30_000, { token: TOKEN }), openBrowser()]);
    context = browser.context;
    await context.addInitScript(CSP_PROBE);
    page = browser.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspConsole.push(message.text());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (store) removeStore(store);
  });

  afterEach(async () => {
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
    expect(cspConsole.splice(0)).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  const open = async (address: string): Promise<void> => {
    await page.goto(`${server.url}${address}`);
  };
  const violations = async (): Promise<string[]> =>
    page.evaluate<string[]>('window.__cspViolations ?? []').catch(() => []);
  const signOut = async (): Promise<void> => {
    await context.clearCookies();
  };
  const signInForm = () => page.getByTestId('sign-in-page');

  describe('when the browser has no session', () => {
    beforeEach(signOut);

    it('should show the sign-in page instead of the data, on any address', async () => {
      await open('/');
      await expectText(signInForm(), 'Sign in');
      expect(await page.getByTestId('api-status').count()).toBe(0);
      await open('/experiments?result_status=success');
      await expectText(signInForm(), 'access token');
      expect(await page.getByTestId('experiment-row').count()).toBe(0);
    });

    it('should say so and stay on the sign-in page when the pasted token is wrong', async () => {
      await open('/experiments');
      await page.getByTestId('sign-in-token').fill('not-the-token-at-all-0000');
      await page.getByTestId('sign-in-submit').click();
      await expectText(page.getByTestId('sign-in-error'), 'not accepted');
      expect(await context.cookies()).toEqual([]);
      await saveScreenshot(page, 'sign-in-refused');
    });

    it('should exchange the pasted token for an HttpOnly, SameSite=Strict cookie and reload at the same address', async () => {
      await open('/experiments?result_status=failed');
      await page.getByTestId('sign-in-token').fill(TOKEN);
      await page.getByTestId('sign-in-submit').click();
      await expectText(page.getByTestId('results-count'), 'Showing 1 of 1 experiments');
      await expectPath(page, '/experiments?result_status=failed');
      const [cookie, ...others] = await context.cookies();
      expect(others).toEqual([]);
      expect(cookie).toMatchObject({ name: 'gren_dashboard_session', httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie?.value).not.toContain(TOKEN);
      expect(await page.evaluate<string>('document.cookie')).toBe('');
    });

    it('should sign in through the printed login link and land on the dashboard', async () => {
      await open(`/login?token=${TOKEN}`);
      await expectPath(page, '/');
      await expectText(page.getByTestId('api-status'), 'Healthy');
      expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['gren_dashboard_session']);
    });

    it('should explain a login link whose token is refused', async () => {
      await open('/login?token=stale-token-from-a-previous-start');
      await expectPath(page, '/?sign_in=failed');
      await expectText(page.getByTestId('sign-in-link-failed'), 'not accepted');
      await page.getByTestId('sign-in-token').fill(TOKEN);
      await page.getByTestId('sign-in-submit').click();
      await expectText(page.getByTestId('api-status'), 'Healthy');
      await expectPath(page, '/');
    });
  });

  describe('when signed in, under the Content-Security-Policy', () => {
    beforeAll(async () => {
      await context.clearCookies();
      await page.goto(`${server.url}/login?token=${TOKEN}`);
      await expectText(page.getByTestId('api-status'), 'Healthy');
    });

    it('should serve index.html with a fresh nonce that Angular puts on its style elements', async () => {
      const first = await page.goto(`${server.url}/`);
      const second = await fetch(`${server.url}/`);
      const policy = first?.headers()['content-security-policy'] ?? '';
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(nonce).toBeDefined();
      expect(second.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
      await expectText(page.getByTestId('api-status'), 'Healthy');
      const styles = await page.evaluate<{ total: number; withNonce: number }>(`(() => {
        const styles = [...document.querySelectorAll('style')];
        return { total: styles.length, withNonce: styles.filter((style) => style.nonce === ${JSON.stringify(nonce)}).length };
      })()`);
      expect(styles.total).toBeGreaterThan(0);
      expect(styles.withNonce).toBe(styles.total);
    });

    it.each<[string, string, string]>([
      ['the dashboard', '/', 'stats-total-value'],
      ['the experiments list', '/experiments', 'experiment-row'],
      ['an experiment', TOP, 'config-card'],
      ['the DAG', '/dag', 'dag-canvas'],
      ['the comparison', `/compare?ids=${MIDDLE},${LEAF}`, 'compare-table'],
    ])('should render %s without any CSP violation', async (_name, address, testId) => {
      await open(address);
      await page.getByTestId(testId).first().waitFor({ state: 'visible' });
      // Lazy chunks, cytoscape's style sheet and late component styles arrive after first paint.
      await page.waitForTimeout(500);
    });

    it('should render the Swagger UI under its own policy without any CSP violation', async () => {
      await open('/api/docs');
      await page.locator('.swagger-ui .info .title').waitFor({ state: 'visible' });
      await page.waitForTimeout(500);
    });
  });
});

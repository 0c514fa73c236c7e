import type { Locator, Page } from 'playwright-core';

/**
 * Waits until one element of `locator` shows `expected` (a substring or a pattern); on
 * timeout the error lists what the elements showed instead.
 */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<void> {
  try {
    await locator.filter({ hasText: expected }).first().waitFor({ state: 'visible', timeout });
  } catch {
    const shown = await locator.allInnerTexts().catch(() => ['(none)']);
    throw new Error(`expected ${String(locator)} to show ${String(expected)}; it shows ${JSON.stringify(shown)}`);
  }
}

/** Waits until `locator` matches exactly `count` elements. */
export async function expectCount(locator: Locator, count: number, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let seen = await locator.count();
  while (seen !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} of ${String(locator)}, found ${seen}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await locator.count();
  }
}

/**
 * Waits for the page's address: a string is a path with an optional query, whose parameters
 * may come in any order; a pattern is matched against `path?query` as it stands.
 */
export async function expectPath(page: Page, expected: string | RegExp, timeout = 10_000): Promise<void> {
  const wanted = typeof expected === 'string' ? new URL(expected, 'http://x') : null;
  try {
    await page.waitForURL(
      (url) =>
        wanted
          ? url.pathname === wanted.pathname && sortedQuery(url) === sortedQuery(wanted)
          : (expected as RegExp).test(`${url.pathname}${url.search}`),
      { timeout },
    );
  } catch {
    const url = new URL(page.url());
    throw new Error(`expected the address ${String(expected)}; the page is at ${url.pathname}${url.search}`);
  }
}

function sortedQuery(url: URL): string {
  return [...url.searchParams.entries()]
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('&');
}

/** The visible text of every cell of a table column (1-based). */
export async function columnTexts(rows: Locator, column: number): Promise<string[]> {
  return (await rows.locator(`td:nth-child(${column})`).allInnerTexts()).map((text) => text.trim());
}

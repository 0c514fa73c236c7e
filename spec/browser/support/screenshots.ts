import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { WORKSPACE } from './dashboard-server';

/** test-output/screenshots/ (gitignored; `npm test` empties test-output/ first). */
export const SCREENSHOT_DIR = path.join(WORKSPACE, 'test-output', 'screenshots');

/** Saves a full-page PNG named `<name>.png`, scrolled to the top, and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // From the top: a full-page capture of a scrolled page paints the sticky top bar mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

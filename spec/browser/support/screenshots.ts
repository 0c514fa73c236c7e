import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { WORKSPACE } from './dashboard-server';

/** test-output/screenshots/ (gitignored; `npm test` empties test-output/ first). */
export const SCREENSHOT_DIR = path.join(WORKSPACE, 'test-output', 'screenshots');

/** Saves a full-page PNG named `<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

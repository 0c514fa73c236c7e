// Sums the gzip size of the JavaScript the browser loads before the first page renders: the
// scripts and module preloads named by dist/browser/index.html (lazy route chunks are not).
// Exits 1 above the budget of 400 KB (issue 6). Run after `ng build`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 400 * 1024;
const browserDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'browser');
const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
const files = new Set();
for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) files.add(match[1]);
for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))
  files.add(match[1]);

let total = 0;
for (const file of files) {
  const bytes = gzipSync(readFileSync(join(browserDir, file)), { level: 9 }).length;
  total += bytes;
  console.log(`${file.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(8)} KB gzip`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (${verdict} the 400 KB budget)`,
);
process.exit(total <= BUDGET_BYTES ? 0 : 1);

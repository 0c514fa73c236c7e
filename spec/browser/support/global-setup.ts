import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromiumInstalled } from './chromium';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The browser suites drive what users run: the compiled library (for the store-writing child
 * processes), the compiled dashboard CLI and the production build of the SPA. `npm test`
 * builds all three first; run alone (`npx jest --selectProjects browser`), this compiles the
 * child fixtures (incremental), and lib, the API and the SPA only when their output is missing
 * or older than their sources.
 */
export default function globalSetup(): void {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = (project: string): void => {
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, project)], { stdio: 'inherit' });
  };
  if (isStale(path.join(ROOT, 'lib', 'dist', '.tsbuildinfo'), path.join(ROOT, 'lib', 'src')))
    build('lib/tsconfig.build.json');
  build('spec/browser/children/tsconfig.json');
  const cli = path.join(ROOT, 'dashboard-api', 'dist', 'cli', 'main.js');
  if (isStale(cli, path.join(ROOT, 'dashboard-api', 'src'))) build('dashboard-api/tsconfig.build.json');
  const index = path.join(ROOT, 'dashboard-web', 'dist', 'browser', 'index.html');
  const web = path.join(ROOT, 'dashboard-web');
  const webStale = isStale(index, path.join(web, 'src')) || isStale(index, path.join(web, 'angular.json'));
  if ((chromiumInstalled() || process.env.CI === 'true') && webStale) {
    execFileSync('npm', ['run', 'build', '-w', 'dashboard-web'], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** True when `output` is missing or older than `sources` (a file, or the newest file under a folder). */
function isStale(output: string, sources: string): boolean {
  if (!fs.existsSync(output)) return true;
  const latest = fs.statSync(sources).isDirectory() ? newest(sources) : fs.statSync(sources).mtimeMs;
  return latest > fs.statSync(output).mtimeMs;
}

function newest(directory: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

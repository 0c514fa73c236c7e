#!/usr/bin/env node
// `npm pack` of gren-ts-dashboard: a fresh build of the API (against a fresh gren-ts build)
// and of the web app, whose output is copied into dist/web so the installed package serves the
// SPA without the workspace beside it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const api = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(api, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

for (const name of ['lib', 'dashboard-api', 'dashboard-web']) {
  const result = spawnSync(npm, ['run', 'build', '-w', name], { cwd: workspace, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(
      `gren-ts-dashboard prepack: \`npm run build -w ${name}\` failed (exit ${result.status}); see above.\n`,
    );
    process.exit(1);
  }
}

const web = join(workspace, 'dashboard-web', 'dist');
if (!existsSync(join(web, 'browser', 'index.html'))) {
  process.stderr.write(
    `gren-ts-dashboard prepack: the web app build wrote no ${join(web, 'browser', 'index.html')}.\n`,
  );
  process.exit(1);
}
const target = join(api, 'dist', 'web');
rmSync(target, { recursive: true, force: true });
cpSync(web, target, { recursive: true, filter: (source) => !source.endsWith('prerendered-routes.json') });

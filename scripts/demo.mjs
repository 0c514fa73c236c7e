#!/usr/bin/env node
// `npm run demo`: builds everything, runs the examples into ./data-gren, then serves the
// dashboard on http://127.0.0.1:8000 until Ctrl-C.
import { spawnSync, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const store = resolve(root, process.env.GREN_PATH ?? 'data-gren');
const port = process.env.PORT ?? '8000';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const examples = ['quickstart', 'train', 'nested-pipeline', 'logging', 'experiment-list', 'custom-validation', 'custom-executor', 'failing'];

function step(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`demo: "${label}" failed (exit ${result.status}). See the output above.\n`);
    process.exit(result.status ?? 1);
  }
}

for (const workspace of ['lib', 'dashboard-api', 'dashboard-web']) step(`build ${workspace}`, npm, ['run', 'build', '-w', workspace]);
for (const example of examples) {
  step(`example ${example}.ts`, process.execPath, ['-r', 'ts-node/register/transpile-only', join('examples', `${example}.ts`)], {
    GREN_PATH: store,
    TS_NODE_PROJECT: join(root, 'examples', 'tsconfig.json'),
  });
}

process.stdout.write(`\n=== dashboard for ${store}\nOpen http://127.0.0.1:${port} (Ctrl-C stops it)\n\n`);
const server = spawn(process.execPath, [join('dashboard-api', 'dist', 'cli', 'main.js'), 'serve', '--host', '127.0.0.1', '--port', port, '--root', store], {
  cwd: root,
  stdio: 'inherit',
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

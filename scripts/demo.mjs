#!/usr/bin/env node
// `npm run demo [-- --port <number>] [--root <dir>]`: checks the options and that the port is
// free, builds everything, runs the examples into the store (./data-gren by default), then serves
// the dashboard on http://127.0.0.1:<port> until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_HOST, DEMO_USAGE, DemoOptionError, checkPortFree, parseDemoOptions } from './demo-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const examples = [
  'quickstart',
  'train',
  'sweep',
  'nested-pipeline',
  'logging',
  'experiment-list',
  'custom-validation',
  'custom-executor',
  'failing',
];

async function readOptions() {
  try {
    const options = parseDemoOptions(process.argv.slice(2), process.env, process.env.INIT_CWD ?? process.cwd());
    if (options.help) return options;
    if (existsSync(options.root) && !statSync(options.root).isDirectory()) {
      throw new DemoOptionError(
        `--root ${options.root} is a file; give a folder for the store (it is created if missing)`,
      );
    }
    await checkPortFree(DEMO_HOST, options.port, options.portSource);
    return options;
  } catch (error) {
    if (!(error instanceof DemoOptionError)) throw error;
    process.stderr.write(`demo: ${error.message}\n`);
    process.exit(2);
  }
}

function step(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`demo: "${label}" failed (exit ${result.status}). See the output above.\n`);
    process.exit(result.status ?? 1);
  }
}

const options = await readOptions();
if (options.help) {
  process.stdout.write(DEMO_USAGE);
  process.exit(0);
}
const { port, root: store } = options;

for (const workspace of ['lib', 'dashboard-api', 'dashboard-web'])
  step(`build ${workspace}`, npm, ['run', 'build', '-w', workspace]);
for (const example of examples) {
  step(
    `example ${example}.ts`,
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join('examples', `${example}.ts`)],
    {
      GREN_PATH: store,
      TS_NODE_PROJECT: join(root, 'examples', 'tsconfig.json'),
    },
  );
}

process.stdout.write(`\n=== dashboard for ${store}\nOpen http://${DEMO_HOST}:${port} (Ctrl-C stops it)\n\n`);
const server = spawn(
  process.execPath,
  [
    join('dashboard-api', 'dist', 'cli', 'main.js'),
    'serve',
    '--host',
    DEMO_HOST,
    '--port',
    String(port),
    '--root',
    store,
  ],
  { cwd: root, stdio: 'inherit' },
);
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

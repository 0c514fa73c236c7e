import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../browser/support/dashboard-server';
import { copyMinimalProject, describeRun, runIn, userEnvironment } from './support/user-project';

jest.setTimeout(120_000);

/** Polls `url` until it answers 200 or the server exits. */
async function waitUntilServing(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`gren-dashboard exited with ${server.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gren-dashboard did not answer ${url} within 60 s:\n${output()}`);
}

/** SIGTERM to npx and the server it started (their own process group), SIGKILL if they linger. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const group = -child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => process.kill(group, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(group, 'SIGTERM');
  });
}

describe('npx gren-dashboard serve from the installed gren-ts-dashboard', () => {
  let server: ChildProcess | undefined;
  let base = '';
  let folder = '';

  beforeAll(async () => {
    folder = copyMinimalProject('dashboard-store');
    const store = path.join(folder, 'store');
    const computed = await runIn('npx', ['ts-node', 'main.ts'], {
      cwd: folder,
      env: { GREN_PATH: store, GREN_IGNORE_DIFF: '1' },
    });
    expect(describeRun(computed)).toMatch(/^exit 0\n/);

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    let output = '';
    server = spawn('npx', ['gren-dashboard', 'serve', '--port', String(port), '--root', store], {
      cwd: folder,
      env: userEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntilServing(`${base}/api/health`, server, () => output);
  });

  afterAll(async () => {
    if (server) await stopGroup(server);
  });

  it('should serve the web app at /', async () => {
    const response = await fetch(`${base}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<title>Gren Dashboard</title>');
    const script = /<script src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}/${script!}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('should serve a deep link of the app with the same page', async () => {
    const response = await fetch(`${base}/experiments`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Gren Dashboard</title>');
  });

  it("should serve the API over the user's store", async () => {
    const response = await fetch(`${base}/api/experiments`);

    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('squares.Squares');
  });

  it("should read the store's files on reader threads started from the package's compiled worker module", async () => {
    // The index starts reader threads only for large stores: here the reader is asked directly.
    const script = `
      const fs = require('node:fs');
      const path = require('node:path');
      const manifest = require.resolve('gren-ts-dashboard/package.json');
      const dist = path.join(path.dirname(manifest), 'dist', 'index');
      const { FileBatchReader } = require(path.join(dist, 'file-batch.js'));
      const reader = new FileBatchReader(1);
      reader.read('', [manifest], '').then((batch) => {
        const worker = fs.existsSync(path.join(dist, 'file-batch-worker.js'));
        console.log(JSON.stringify({ worker, threads: reader.started, read: batch.ends[0] > 0 }));
        reader.close();
      });`;
    const result = await runIn('node', ['-e', script], { cwd: folder });

    expect(describeRun(result)).toMatch(/^exit 0\n/);
    expect(JSON.parse(result.stdout)).toEqual({ worker: true, threads: 1, read: true });
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { ensureBuiltCli } from './support/built-cli';
import { copyPythonStore, makeTempDir, removeStore } from './support/temp-store';

jest.setTimeout(180_000);

describe('gren-dashboard (the compiled CLI as a child process)', () => {
  let cli: string;
  let store: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    cli = ensureBuiltCli();
    store = copyPythonStore();
  });

  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    removeStore(store);
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, GREN_PATH: store },
    });

  /** Starts a server and resolves with its URL once it printed it. */
  const startServer = (...args: string[]): Promise<{ url: string; child: ChildProcess }> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, GREN_PATH: store } });
      children.push(child);
      let out = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match?.[1]) resolve({ url: match[1], child });
      });
      child.on('exit', (code) => reject(new Error(`exited with ${String(code)} before listening: ${out}`)));
    });

  const stop = (child: ChildProcess): Promise<number | null> =>
    new Promise((resolve) => {
      child.on('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });

  describe('when asked for help', () => {
    it('should describe both commands and exit 0', () => {
      const result = run('--help');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/serve \[options\]/);
      expect(result.stdout).toMatch(/api \[options\]/);
    });

    it('should keep -h for help, not for the host', () => {
      const result = run('api', '-h');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/--host <host>.*\n?.*default: "127\.0\.0\.1"/);
      expect(result.stdout).toMatch(/-p, --port <port>/);
      expect(result.stdout).toMatch(/--root <path>/);
      expect(result.stdout).not.toMatch(/-h, --host/);
    });

    it('should print help when run without arguments', () => {
      const result = run();
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Usage: gren-dashboard/);
    });
  });

  describe('when the port is taken', () => {
    it('should say so in one line naming the port and --port, and exit 2', async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as net.AddressInfo).port;
      const result = run('api', '--port', String(port), '--root', store);
      blocker.close();
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([
        `gren-dashboard: port ${port} on 127.0.0.1 is already in use; pick another with --port <number> (or stop the program using it)`,
      ]);
    });
  });

  describe('when the store root does not exist', () => {
    it('should say so, say how to fix it, and exit 2', () => {
      const missing = path.join(store, 'nowhere');
      const result = run('api', '--root', missing);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`the store root ${missing} does not exist`);
      expect(result.stderr).toContain(`mkdir -p ${missing}/data`);
    });
  });

  describe('when an option is invalid', () => {
    it('should exit 2 with the reason', () => {
      const result = run('api', '--port', 'eighty');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--port.*invalid/);
    });
  });

  describe('when it serves the API', () => {
    it('should print the URL, answer on 127.0.0.1 with GREN_PATH as the store, and stop on SIGTERM', async () => {
      const { url, child } = await startServer('api', '--port', '0');
      const health = (await (await fetch(`${url}/api/health`)).json()) as { experiments: number };
      expect(health.experiments).toBe(15);
      expect((await fetch(`${url}/`)).status).toBe(404);
      expect(await stop(child)).toBe(0);
    });
  });

  describe('when it serves the web app too', () => {
    it('should serve index.html for app routes and keep unknown /api paths 404 JSON', async () => {
      const spa = makeTempDir('gren-spa-');
      fs.mkdirSync(path.join(spa, 'browser'));
      fs.writeFileSync(path.join(spa, 'browser', 'index.html'), '<!doctype html><title>Gren SPA</title>');
      fs.writeFileSync(path.join(spa, 'browser', 'main.js'), 'console.log(1);');
      const { url, child } = await startServer('serve', '--port', '0', '--spa-dir', spa);
      try {
        expect(await (await fetch(`${url}/`)).text()).toContain('Gren SPA');
        expect(await (await fetch(`${url}/experiments/refstore.pipelines.Top/3c619c85f3318dea28d6`)).text()).toContain(
          'Gren SPA',
        );
        expect(await (await fetch(`${url}/main.js`)).text()).toBe('console.log(1);');
        const unknown = await fetch(`${url}/api/nope`);
        expect(unknown.status).toBe(404);
        expect(await unknown.json()).toEqual({ detail: 'Not found' });
        expect((await fetch(`${url}/api/stats`)).status).toBe(200);
      } finally {
        await stop(child);
        removeStore(spa);
      }
    });
  });
});

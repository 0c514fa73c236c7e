import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { ensureBuiltCli } from './support/built-cli';
import { copyPythonStore, removeStore } from './support/temp-store';

jest.setTimeout(120_000);

interface Started {
  child: ChildProcess;
  /** The port it listens on, read from the URL it printed. */
  port: number;
  stdout: string;
  stderr: string;
}

/**
 * Who may read a dashboard started by the compiled CLI: nobody without the token off the
 * loopback (a generated one is printed with its login link), `--insecure` warns on every
 * start, and a token from GREN_DASHBOARD_TOKEN is enforced on the loopback too.
 */
describe('gren-dashboard access control (the compiled CLI as a child process)', () => {
  let cli: string;
  let store: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    cli = ensureBuiltCli();
    store = copyPythonStore();
  });

  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    removeStore(store);
  });

  const environment = (extra: Record<string, string>): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, GREN_PATH: store, ...extra };
    if (!('GREN_DASHBOARD_TOKEN' in extra)) delete env.GREN_DASHBOARD_TOKEN;
    return env;
  };

  /** Starts the CLI and resolves once it printed everything it prints at start. */
  const start = (args: string[], env: Record<string, string> = {}): Promise<Started> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { env: environment(env) });
      children.push(child);
      let stdout = '';
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const port = /API docs: http:\/\/[^:]+:(\d+)\//.exec(stdout)?.[1];
        // The access lines follow the docs line in the same write burst; give them a moment.
        if (port) setTimeout(() => resolve({ child, port: Number(port), stdout, stderr }), 100);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${String(code)} before listening: ${stdout}${stderr}`)));
    });

  const stop = (child: ChildProcess): Promise<void> =>
    new Promise((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });

  const health = (port: number, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/api/health`, { headers });

  describe('when it listens on all interfaces without a token', () => {
    it('should generate a token, print it with a login link, and require it', async () => {
      const { child, port, stdout } = await start(['api', '--host', '0.0.0.0', '--port', '0']);
      try {
        const token = /access token: (\S+)/.exec(stdout)?.[1] ?? '';
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(stdout).toContain(`  sign in: http://`);
        expect(stdout).toMatch(new RegExp(`sign in: http://[^/]+:${port}/login\\?token=${token}\\n`));
        expect((await health(port)).status).toBe(401);
        expect((await health(port, { Authorization: `Bearer ${token}` })).status).toBe(200);
        const login = await fetch(`http://127.0.0.1:${port}/login?token=${token}`, { redirect: 'manual' });
        expect(login.status).toBe(303);
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        expect((await health(port, { Cookie: cookie })).status).toBe(200);
      } finally {
        await stop(child);
      }
    });

    it('should generate a different token on every start', async () => {
      const first = await start(['api', '--host', '0.0.0.0', '--port', '0']);
      await stop(first.child);
      const second = await start(['api', '--host', '0.0.0.0', '--port', '0']);
      await stop(second.child);
      const token = (out: string) => /access token: (\S+)/.exec(out)?.[1];
      expect(token(first.stdout)).toBeDefined();
      expect(token(first.stdout)).not.toBe(token(second.stdout));
    });
  });

  describe('when --insecure is given', () => {
    it('should serve without a token and warn in one line on stderr', async () => {
      const { child, port, stdout, stderr } = await start(['api', '--host', '0.0.0.0', '--port', '0', '--insecure']);
      try {
        expect(stderr.trim().split('\n')).toEqual([
          'warning: --insecure: no access token on 0.0.0.0; anyone who can reach it can read the store (configs, metadata with git diffs, logs, host and user names).',
        ]);
        expect(stdout).not.toContain('access token');
        expect((await health(port)).status).toBe(200);
      } finally {
        await stop(child);
      }
    });
  });

  describe('when a token comes from GREN_DASHBOARD_TOKEN on the loopback', () => {
    const TOKEN = 'token-from-the-environment-0123';

    it('should require it without printing it', async () => {
      const { child, port, stdout } = await start(['api', '--port', '0'], { GREN_DASHBOARD_TOKEN: TOKEN });
      try {
        expect(stdout).toContain('access token required: the one given by --token / GREN_DASHBOARD_TOKEN');
        expect(stdout).not.toContain(TOKEN);
        expect((await health(port)).status).toBe(401);
        expect((await health(port, { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
      } finally {
        await stop(child);
      }
    });
  });

  describe('when the given token is too short', () => {
    it('should refuse to start, naming the option, with exit status 2', () => {
      const result = spawnSync(
        process.execPath,
        [cli, 'api', '--host', '0.0.0.0', '--port', '0', '--token', 'hunter2'],
        {
          encoding: 'utf8',
          timeout: 60_000,
          env: environment({}),
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(
        'gren-dashboard: --token / GREN_DASHBOARD_TOKEN: an access token must be 16 to 512 printable ASCII characters without spaces',
      );
    });
  });
});

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * `npm run demo` (scripts/demo.mjs) checks its options and its port before it builds or runs
 * anything. The script runs as a real process; a real socket holds the port.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const DEMO = path.join(ROOT, 'scripts', 'demo.mjs');
const OPTIONS = path.join(ROOT, 'scripts', 'demo-options.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function demo(args: string[], env: Record<string, string> = {}): Run {
  const clean = { ...process.env };
  delete clean.PORT;
  delete clean.GREN_PATH;
  const run = spawnSync(process.execPath, [DEMO, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...clean, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** parseDemoOptions in a child node (the module is ESM, as the script that uses it). */
function parse(argv: string[], env: Record<string, string>, cwd: string): Record<string, unknown> {
  const code =
    `import { parseDemoOptions } from ${JSON.stringify(OPTIONS)};` +
    `console.log(JSON.stringify(parseDemoOptions(${JSON.stringify(argv)}, ${JSON.stringify(env)}, ${JSON.stringify(cwd)})));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Record<string, unknown>;
}

describe('npm run demo (scripts/demo.mjs)', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-demo-'));
  });

  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  describe('when the port is already taken', () => {
    let holder: net.Server;
    let port: number;

    beforeAll(async () => {
      holder = net.createServer();
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      port = (holder.address() as net.AddressInfo).port;
    });

    afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

    it('should say so, naming --port, before it builds or runs anything', () => {
      const store = path.join(scratch, 'taken-store');

      const run = demo(['--port', String(port), '--root', store]);

      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `demo: port ${port} on 127.0.0.1 is already in use (--port); pick a free one with --port <number>, ` +
          `e.g. npm run demo -- --port ${port + 1}\n`,
      );
      expect(run.stdout).toBe('');
      expect(fs.existsSync(store)).toBe(false);
    });

    it('should name PORT when the port came from the environment', () => {
      const run = demo([], { PORT: String(port) });

      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is already in use (PORT)`);
    });
  });

  describe('when an option is wrong', () => {
    it('should reject a port that is not a number, naming --port', () => {
      const run = demo(['--port', 'eighty']);

      expect(run.code).toBe(2);
      expect(run.stderr).toBe('demo: --port must be a port number from 1 to 65535, not "eighty" (e.g. --port 8001)\n');
    });

    it('should reject an unknown option and show the usage', () => {
      const run = demo(['--prot', '8001']);

      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^demo: Unknown option '--prot'/);
      expect(run.stderr).toContain('Usage: npm run demo -- [--port <number>] [--root <dir>]');
    });

    it('should reject a --root that is a file', () => {
      const file = path.join(scratch, 'not-a-folder');
      fs.writeFileSync(file, '');

      const run = demo(['--root', file, '--port', '1']);

      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `demo: --root ${file} is a file; give a folder for the store (it is created if missing)\n`,
      );
    });
  });

  describe('when asked for help', () => {
    it('should print the options and their defaults', () => {
      const run = demo(['--help']);

      expect(run.code).toBe(0);
      expect(run.stdout).toContain("--port <number>  the dashboard's port on 127.0.0.1 (default: $PORT, else 8000)");
      expect(run.stdout).toContain('--root <dir>');
    });
  });

  describe('parseDemoOptions', () => {
    it('should take --port and a --root relative to the folder npm was run in', () => {
      expect(parse(['--port', '8001', '--root', 'my-store'], {}, '/home/me/project')).toEqual({
        help: false,
        port: 8001,
        portSource: '--port',
        root: '/home/me/project/my-store',
      });
    });

    it('should fall back to PORT and GREN_PATH, then to 8000 and ./data-gren', () => {
      expect(parse([], { PORT: '9001', GREN_PATH: '/stores/a' }, '/w')).toMatchObject({
        port: 9001,
        portSource: 'PORT',
        root: '/stores/a',
      });
      expect(parse([], {}, '/w')).toMatchObject({ port: 8000, root: '/w/data-gren' });
    });

    it('should prefer the options to the environment', () => {
      expect(parse(['--port', '8002', '--root', '/x'], { PORT: '9001', GREN_PATH: '/y' }, '/w')).toMatchObject({
        port: 8002,
        root: '/x',
      });
    });
  });
});

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const LIB = path.resolve(__dirname, '..', '..', '..', 'lib', 'dist');
const REQUIRE = `const g = require(${JSON.stringify(LIB)});`;
const THROW_GREN = `throw new g.GrenComputeError('Computation failed: boom', '/x/state.json', new RangeError('boom'));`;
const THROW_PLAIN = `throw new Error('boom');`;
const WATCHED_EVENTS = [
  'uncaughtException',
  'uncaughtExceptionMonitor',
  'unhandledRejection',
  'warning',
  'exit',
  'beforeExit',
  'SIGINT',
  'SIGTERM',
  'SIGUSR2',
  'SIGHUP',
];

interface Outcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(
  script: string,
  options: { env?: Record<string, string>; nodeFlags?: string[]; cwd?: string } = {},
): Outcome {
  const result = spawnSync(process.execPath, [...(options.nodeFlags ?? []), '-e', script], {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    encoding: 'utf8',
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('uncaught gren errors', () => {
  describe('when gren-ts is only imported', () => {
    it('should register no process listeners and leave process.exitCode alone', () => {
      const count = `Object.fromEntries(${JSON.stringify(WATCHED_EVENTS)}.map((e) => [e, process.listenerCount(e)]))`;
      const { status, stdout, stderr } = run(
        `const before = ${count}; ${REQUIRE} const after = ${count}; console.log(JSON.stringify({ before, after, exitCode: process.exitCode ?? null }));`,
      );

      expect(stderr).toBe('');
      expect(status).toBe(0);
      const report = JSON.parse(stdout) as {
        before: Record<string, number>;
        after: Record<string, number>;
        exitCode: number | null;
      };
      expect(report.after).toEqual(report.before);
      expect(report.exitCode).toBeNull();
    });

    it("should exit like a plain Error does, with Node's own report", () => {
      const plain = run(THROW_PLAIN);
      const gren = run(`${REQUIRE} ${THROW_GREN}`);

      expect(plain.status).toBe(1);
      expect([gren.status, gren.signal]).toEqual([plain.status, plain.signal]);
      expect(gren.stderr).toContain('throw new g.GrenComputeError');
    });
  });

  describe('when printUncaughtGrenErrors() is called (GREN_RICH_UNCAUGHT_TRACEBACKS on, the default)', () => {
    const installed = `${REQUIRE} g.printUncaughtGrenErrors();`;

    it('should print the code, the message and the cause with its stack, and exit 1 as a plain Error does', () => {
      const plain = run(THROW_PLAIN);
      const { status, signal, stderr } = run(`${installed} ${THROW_GREN}`);

      expect([status, signal]).toEqual([plain.status, plain.signal]);
      expect(stderr).toContain('GrenComputeError [COMPUTE_FAILED]: Computation failed: boom');
      expect(stderr).toContain('State file: /x/state.json');
      expect(stderr).toMatch(/Caused by: RangeError: boom\n\s+at /);
      expect(stderr).not.toContain('throw new g.GrenComputeError');
    });

    it("should leave the decision to the application's own handler", () => {
      const ownHandler = `process.on('uncaughtException', () => { process.exitCode = 7; });`;
      const without = run(`${REQUIRE} ${ownHandler} ${THROW_GREN}`);
      const withPrinter = run(`${installed} ${ownHandler} ${THROW_GREN}`);

      expect(without.status).toBe(7);
      expect([withPrinter.status, withPrinter.signal]).toEqual([without.status, without.signal]);
      expect(withPrinter.stderr).toContain('GrenComputeError [COMPUTE_FAILED]');
    });

    it('should still abort under --abort-on-uncaught-exception, as a plain Error does', () => {
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-abort-'));
      try {
        const flags = ['--abort-on-uncaught-exception'];
        const plain = run(THROW_PLAIN, { nodeFlags: flags, cwd });
        const gren = run(`${installed} ${THROW_GREN}`, { nodeFlags: flags, cwd });

        expect(plain.signal).not.toBeNull();
        expect([gren.status, gren.signal]).toEqual([plain.status, plain.signal]);
      } finally {
        fs.rmSync(cwd, { recursive: true, force: true });
      }
    });
  });

  describe('when GREN_RICH_UNCAUGHT_TRACEBACKS=0', () => {
    it("should leave Node's own report even after printUncaughtGrenErrors()", () => {
      const { status, stderr } = run(`${REQUIRE} g.printUncaughtGrenErrors(); ${THROW_GREN}`, {
        env: { GREN_RICH_UNCAUGHT_TRACEBACKS: '0' },
      });

      expect(status).toBe(1);
      expect(stderr).toContain('throw new g.GrenComputeError');
      expect(stderr).not.toContain('[COMPUTE_FAILED]');
    });
  });
});

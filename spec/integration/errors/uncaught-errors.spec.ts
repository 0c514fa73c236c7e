import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const LIB = path.resolve(__dirname, '..', '..', '..', 'lib', 'dist');
const SCRIPT = `const g = require(${JSON.stringify(LIB)}); throw new g.GrenComputeError('Computation failed: boom', '/x/state.json', new RangeError('boom'));`;

function run(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['-e', SCRIPT], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('uncaught gren errors', () => {
  describe('when GREN_RICH_UNCAUGHT_TRACEBACKS is on (the default)', () => {
    it('should print the code, the message and the cause with its stack, and exit 1', () => {
      const { status, stderr } = run({});

      expect(status).toBe(1);
      expect(stderr).toContain('GrenComputeError [COMPUTE_FAILED]: Computation failed: boom');
      expect(stderr).toContain('State file: /x/state.json');
      expect(stderr).toMatch(/Caused by: RangeError: boom\n\s+at /);
      expect(stderr).not.toContain('throw new g.GrenComputeError');
    });
  });

  describe('when GREN_RICH_UNCAUGHT_TRACEBACKS=0', () => {
    it("should leave Node's own report", () => {
      const { status, stderr } = run({ GREN_RICH_UNCAUGHT_TRACEBACKS: '0' });

      expect(status).toBe(1);
      expect(stderr).toContain('throw new g.GrenComputeError');
      expect(stderr).not.toContain('[COMPUTE_FAILED]');
    });
  });
});

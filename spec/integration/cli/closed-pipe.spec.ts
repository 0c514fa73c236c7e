import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './cli-harness';

/** `gren --help | head -1`: the reader closes the pipe early; gren must end quietly. */
describe('gren writing into a pipe its reader closed', () => {
  describe('when the output is cut by head -1', () => {
    it('should print no EPIPE error and exit 0', () => {
      const gren = path.join(ROOT, 'lib', 'bin', 'gren.js');
      // head exits after the first byte; the rest of the help meets a closed pipe.
      const script = `(sleep 0.3; "${process.execPath}" "${gren}" --help; echo "gren exit $?" >&2) | head -c 1 >/dev/null; sleep 1`;
      const run = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8' });
      expect(run.stderr).not.toContain('EPIPE');
      expect(run.stderr).toContain('gren exit 0');
    });
  });
});

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './cli-harness';

/**
 * The `gren` and `gren-worker` commands npm links are checked-in shims (lib/bin), so they exist
 * right after `npm install`, before dist/ is built; they start the compiled scripts.
 */
const LIB = path.join(ROOT, 'lib');

interface LibManifest {
  bin: Record<string, string>;
  files: string[];
}

function node(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GREN_LOG_LEVEL: 'ERROR' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the gren bin shims', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(LIB, 'package.json'), 'utf8')) as LibManifest;

  describe('lib/package.json', () => {
    it('should link both commands to checked-in, executable shims that the package ships', () => {
      expect(manifest.bin).toEqual({ gren: 'bin/gren.js', 'gren-worker': 'bin/gren-worker.js' });
      for (const shim of Object.values(manifest.bin)) {
        expect(fs.statSync(path.join(LIB, shim)).mode & 0o111).not.toBe(0);
      }
      expect(manifest.files).toContain('bin');
    });
  });

  describe('when the library is built', () => {
    it('should print the help of gren', () => {
      const run = node([path.join(LIB, 'bin', 'gren.js'), '--help']);

      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: gren \[options\] \[command\]/);
    });

    it('should start gren-worker (which asks for a payload file, a task list or --serve)', () => {
      const run = node([path.join(LIB, 'bin', 'gren-worker.js')]);

      expect(run.code).toBe(2);
      expect(run.stderr).toContain('gren-worker needs a payload file, --task-list <file> or --serve');
    });

    it('should answer through the command npm linked in the workspace (npx gren)', () => {
      const npx = spawnSync('npx', ['--no-install', 'gren', '--help'], { cwd: ROOT, encoding: 'utf8' });

      expect({ status: npx.status, stdout: npx.stdout }).toMatchObject({
        status: 0,
        stdout: expect.stringMatching(/^Usage: gren/),
      });
    });
  });

  describe('when dist/ was not built yet', () => {
    let unbuilt: string;

    beforeAll(() => {
      unbuilt = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-unbuilt-'));
      fs.cpSync(path.join(LIB, 'bin'), path.join(unbuilt, 'bin'), { recursive: true });
    });

    afterAll(() => fs.rmSync(unbuilt, { recursive: true, force: true }));

    it.each(['gren', 'gren-worker'])('should say how to build the library when %s starts', (command) => {
      const run = node([path.join(unbuilt, 'bin', `${command}.js`), '--help'], unbuilt);

      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `${command}: the gren library is not built (dist/bin/${command}.js is missing). ` +
          'In the gren repository run `npm run build -w lib` from its root (`npm install` there does it too).\n',
      );
    });
  });
});

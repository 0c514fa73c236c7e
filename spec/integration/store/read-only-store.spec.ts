import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GREN_CONFIG, setGrenRoot } from 'gren';
import { CHILDREN_DIR, finished, type ChildResult } from '../../support/child-process';
import { SlowSquare } from '../children/pipelines';
import { snapshotTree } from './store-snapshot';

jest.setTimeout(60_000);

/**
 * We run as root, and permissions do not bind root: the reading process runs as `nobody`
 * (runuser), on a store whose folders are 0755 and files 0644, owned by root.
 */
function runAsNobody(args: string[], env: Record<string, string>): Promise<ChildResult> {
  const child = spawn(
    'runuser',
    ['-u', 'nobody', '--', process.execPath, path.join(CHILDREN_DIR, 'artifact-client.js'), ...args],
    {
      cwd: '/',
      env: { ...process.env, GREN_LOG_LEVEL: 'ERROR', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return finished(child);
}

function makeReadableNotWritable(root: string): void {
  const walk = (entry: string): void => {
    const stat = fs.statSync(entry);
    fs.chmodSync(entry, stat.isDirectory() ? 0o755 : 0o644);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) walk(path.join(entry, name));
  };
  walk(root);
}

const canRunAsNobody = process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;

(canRunAsNobody ? describe : describe.skip)('a read-only store', () => {
  let store: string;
  let saved: typeof GREN_CONFIG;

  beforeAll(async () => {
    saved = { ...GREN_CONFIG };
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-readonly-'));
    setGrenRoot(store);
    GREN_CONFIG.ignoreDiff = true;
    GREN_CONFIG.logLevel = 'ERROR';
    await new SlowSquare({ x: 3, sleepMs: 1 }).loadOrCreate();
    await new SlowSquare({ x: 4, sleepMs: 1 }).loadOrCreate();
    makeReadableNotWritable(store);
  });

  afterAll(() => {
    Object.assign(GREN_CONFIG, saved);
    fs.rmSync(store, { recursive: true, force: true });
  });

  describe('when the reading user cannot write to it', () => {
    it('should really be unwritable for that user', () => {
      const probe = spawnSync(
        'runuser',
        [
          '-u',
          'nobody',
          '--',
          process.execPath,
          '-e',
          `require('fs').writeFileSync(${JSON.stringify(path.join(store, 'probe'))}, 'x')`,
        ],
        { encoding: 'utf8' },
      );

      expect(probe.status).not.toBe(0);
      expect(probe.stderr).toContain('EACCES');
    });

    it('should load cache hits, answer exists() and getMetadata(), and write nothing', async () => {
      const before = snapshotTree(store);
      const hashes = [3, 4].map((x) => new SlowSquare({ x }).grenHash);

      const result = await runAsNobody(['SlowSquare', '{"x":3};{"x":4}', 'load,exists,metadata,load'], {
        GREN_PATH: store,
      });

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        pid: expect.any(Number),
        results: [9, true, hashes[0], 9, 16, true, hashes[1], 16],
      });
      expect(snapshotTree(store)).toEqual(before);
    });

    it('should fail a cache miss without writing anything', async () => {
      const before = snapshotTree(store);

      const result = await runAsNobody(['SlowSquare', '{"x":5}', 'load'], { GREN_PATH: store });

      expect(result.code).toBe(3);
      expect(result.stderr).toContain(new SlowSquare({ x: 5 }).grenDir);
      expect(snapshotTree(store)).toEqual(before);
    });
  });
});

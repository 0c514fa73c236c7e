import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GREN_CONFIG, setGrenRoot } from 'gren-ts';
import { CHILDREN_DIR, finished, type ChildResult } from '../../support/child-process';
import { SlowSquare } from '../children/pipelines';
import { snapshotTree } from './store-snapshot';

jest.setTimeout(60_000);

/**
 * The store is made read-only (folders 0555, files 0444). Permissions do not bind root, so
 * when the tests run as root the reading process runs as `nobody` (runuser); otherwise it
 * runs as the current user, whom the modes do bind.
 */
const AS_ROOT = process.getuid?.() === 0;

function readerCommand(nodeArgs: string[]): [string, string[]] {
  return AS_ROOT ? ['runuser', ['-u', 'nobody', '--', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
}

function runReader(args: string[], env: Record<string, string>): Promise<ChildResult> {
  const [command, commandArgs] = readerCommand([path.join(CHILDREN_DIR, 'artifact-client.js'), ...args]);
  const child = spawn(command, commandArgs, {
    cwd: '/',
    env: { ...process.env, GREN_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return finished(child);
}

function setModes(root: string, directoryMode: number, fileMode: number): void {
  const walk = (entry: string): void => {
    const stat = fs.statSync(entry);
    fs.chmodSync(entry, stat.isDirectory() ? directoryMode : fileMode);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) walk(path.join(entry, name));
  };
  walk(root);
}

describe('a read-only store', () => {
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
    setModes(store, 0o555, 0o444);
  });

  afterAll(() => {
    Object.assign(GREN_CONFIG, saved);
    setModes(store, 0o755, 0o644);
    fs.rmSync(store, { recursive: true, force: true });
  });

  describe('when the reading user cannot write to it', () => {
    it('should really be unwritable for that user', () => {
      const [command, args] = readerCommand([
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(path.join(store, 'probe'))}, 'x')`,
      ]);

      const probe = spawnSync(command, args, { encoding: 'utf8' });

      expect(probe.status).not.toBe(0);
      expect(probe.stderr).toContain('EACCES');
    });

    it('should load cache hits, answer exists() and getMetadata(), and write nothing', async () => {
      const before = snapshotTree(store);
      const hashes = [3, 4].map((x) => new SlowSquare({ x }).grenHash);

      const result = await runReader(['SlowSquare', '{"x":3};{"x":4}', 'load,exists,metadata,load'], {
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

    it('should fail a cache miss with a GrenStateError naming the folder, writing nothing', async () => {
      const before = snapshotTree(store);

      const result = await runReader(['SlowSquare', '{"x":5}', 'load'], { GREN_PATH: store });

      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`STATE_WRITE_FAILED: Cannot write ${new SlowSquare({ x: 5 }).grenDir}`);
      expect(snapshotTree(store)).toEqual(before);
    });
  });
});

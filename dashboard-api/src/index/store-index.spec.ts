import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serializeState } from 'gren-ts';
import { buildState } from '../testing/state-builder';
import { artifactDirectory, replaceFile, writeArtifact } from '../testing/write-artifact';
import { hashOf } from '../testing/make-record';
import { StoreIndex } from './store-index';
import { StorePoller } from './store-poller';

const day = (n: number): Date => new Date(Date.UTC(2026, 0, n));
const running = (n: number) =>
  buildState({ result: 'incomplete', updatedAt: day(n), attempt: { status: 'running', startedAt: day(n) } });
const succeeded = (n: number) =>
  buildState({ result: 'success', updatedAt: day(n), attempt: { status: 'success', startedAt: day(n) } });
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe(StoreIndex, () => {
  let base: string;
  let index: StoreIndex;

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-index-'));
  });

  afterEach(() => {
    index?.stop();
    fs.rmSync(base, { recursive: true, force: true });
  });

  const start = async (): Promise<StoreIndex> => {
    index = new StoreIndex({ basePath: base, watch: false });
    await index.complete();
    return index;
  };

  describe('when it scans a store at start-up', () => {
    it('should index data/ and git/, deep namespaces, and unreadable states as invalid', async () => {
      writeArtifact(base, {
        namespace: 'a.b.C',
        hash: hashOf(1),
        state: succeeded(1),
        metadata: { gren_obj: { __class__: 'a.b.C' } },
      });
      writeArtifact(base, { root: 'git', namespace: 'v.Versioned', hash: hashOf(2), state: succeeded(2) });
      writeArtifact(base, { namespace: 'a.b.C', hash: hashOf(3), state: '{ not json' });
      writeArtifact(base, {
        namespace: 'a.b.C',
        hash: hashOf(4),
        state: JSON.stringify({ schema_version: 2, result: { status: 'success' } }),
      });
      fs.mkdirSync(path.join(artifactDirectory(base, 'data', 'a.b.C', hashOf(5)), '.gren'), { recursive: true });
      await start();
      expect(index.sorted().map((r) => [r.root, r.namespace, r.hash, r.summary.result_status])).toEqual([
        ['git', 'v.Versioned', hashOf(2), 'success'],
        ['data', 'a.b.C', hashOf(1), 'success'],
        ['data', 'a.b.C', hashOf(3), 'invalid'],
        ['data', 'a.b.C', hashOf(4), 'invalid'],
      ]);
      expect(index.find('a.b.C', hashOf(3))?.summary.state_error).toMatch(/Invalid JSON in state file: .*state\.json/);
      expect(index.find('a.b.C', hashOf(4))?.summary.state_error).toMatch(/Unsupported state schema_version 2/);
      expect(index.find('a.b.C', hashOf(1))?.metadata?.className).toBe('a.b.C');
      expect(index.pendingFolders()).toEqual([artifactDirectory(base, 'data', 'a.b.C', hashOf(5))]);
    });

    it('should treat a missing store as empty', async () => {
      fs.rmSync(base, { recursive: true });
      await start();
      expect(index.size).toBe(0);
    });

    it('should not follow symbolic links out of the store', async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-outside-'));
      writeArtifact(outside, { namespace: 'x.Y', hash: hashOf(1), state: succeeded(1) });
      fs.mkdirSync(path.join(base, 'data'), { recursive: true });
      fs.symlinkSync(path.join(outside, 'data', 'x'), path.join(base, 'data', 'x'));
      await start();
      expect(index.size).toBe(0);
      fs.rmSync(outside, { recursive: true, force: true });
    });
  });

  describe('when it reads a store on reader threads', () => {
    it('should index exactly what it indexes reading in this thread', async () => {
      for (let n = 1; n <= 30; n += 1) {
        writeArtifact(base, {
          root: n % 5 === 0 ? 'git' : 'data',
          namespace: n % 2 === 0 ? 'a.b.C' : 'a.D',
          hash: hashOf(n),
          state: n % 3 === 0 ? running(n) : n % 11 === 0 ? '{ broken' : succeeded(n),
          ...(n % 4 === 0 ? {} : { metadata: { gren_obj: { __class__: n % 2 === 0 ? 'a.b.C' : 'a.D', n } } }),
        });
      }
      writeArtifact(base, { namespace: 'a.D', hash: hashOf(1), root: 'git', state: succeeded(40) });
      fs.mkdirSync(path.join(artifactDirectory(base, 'data', 'a.D', hashOf(50)), '.gren'), { recursive: true });
      fs.mkdirSync(path.join(base, 'data', 'Top', '.gren'), { recursive: true });
      fs.writeFileSync(path.join(base, 'data', 'Top', '.gren', 'state.json'), serializeState(succeeded(9)));
      const snapshot = async (readerThreads: number, readBatchBytes?: number) => {
        const built = new StoreIndex({ basePath: base, watch: false, readerThreads, readBatchSize: 2, readBatchBytes });
        await built.complete();
        const view = {
          rows: built.sorted().map((r) => ({ ...r, readAt: 0 })),
          found: built.find('a.D', hashOf(1))?.root,
          pending: built.pendingFolders(),
          folders: built
            .structureFolders()
            .map((f) => f.directory)
            .sort(),
        };
        built.stop();
        return view;
      };
      const inThisThread = await snapshot(0);
      expect(inThisThread.rows).toHaveLength(31);
      expect(inThisThread.rows.filter((r) => r.summary.result_status === 'invalid')).toHaveLength(2);
      // The store model's rule: a folder right under a root has no namespace, so it is no artifact.
      expect(inThisThread.rows.find((r) => r.namespace === 'Top' || r.hash === 'Top')).toBeUndefined();
      expect(inThisThread.found).toBe('data');
      expect(await snapshot(2)).toEqual(inThisThread);
      // Batches that stop after their first file: the rest is read one by one.
      expect(await snapshot(1, 1)).toEqual(inThisThread);
    });
  });

  describe('when the store changes after start-up (polling only)', () => {
    it('should add a new artifact, re-read a changed one, and drop a deleted one', async () => {
      const first = writeArtifact(base, { namespace: 'a.B', hash: hashOf(1), state: running(1) });
      await start();
      const poller = new StorePoller(index, {
        intervalMs: 1000,
        sweepBatch: 1000,
        sweepIntervalMs: 1000,
        stepBudgetMs: 1000,
      });
      const versions = [index.version];

      writeArtifact(base, { namespace: 'a.B', hash: hashOf(2), state: succeeded(3) });
      poller.checkHot();
      await settle();
      expect(index.find('a.B', hashOf(2))?.summary.result_status).toBe('success');
      versions.push(index.version);

      replaceFile(path.join(first, '.gren', 'state.json'), serializeState(succeeded(4)));
      poller.checkHot();
      await settle();
      expect(index.sorted().map((r) => r.hash)).toEqual([hashOf(1), hashOf(2)]);
      versions.push(index.version);

      fs.rmSync(first, { recursive: true });
      poller.checkHot();
      poller.sweepStep();
      await settle();
      expect(index.sorted().map((r) => r.hash)).toEqual([hashOf(2)]);
      versions.push(index.version);
      expect(new Set(versions).size).toBe(4);
    });

    it('should bump the version but not the list version on a heartbeat', async () => {
      const directory = writeArtifact(base, { namespace: 'a.B', hash: hashOf(1), state: running(1) });
      await start();
      const before = { version: index.version, list: index.listVersion };
      const state = running(1);
      if (state.attempt) state.attempt.heartbeat_at = '2026-01-01T00:00:40+00:00';
      replaceFile(path.join(directory, '.gren', 'state.json'), serializeState(state));
      index.reloadFolder(directory);
      await settle();
      expect(index.version).toBe(before.version + 1);
      expect(index.listVersion).toBe(before.list);
    });

    it('should index a pending folder once its state.json appears', async () => {
      const directory = artifactDirectory(base, 'data', 'a.B', hashOf(1));
      fs.mkdirSync(path.join(directory, '.gren'), { recursive: true });
      await start();
      expect(index.size).toBe(0);
      fs.writeFileSync(path.join(directory, '.gren', 'state.json'), serializeState(succeeded(1)));
      new StorePoller(index).checkHot();
      expect(index.find('a.B', hashOf(1))).toBeDefined();
    });

    it('should index a hash folder created before its .gren folder once, however often it is rescanned', async () => {
      const directory = artifactDirectory(base, 'data', 'a.B', hashOf(1));
      fs.mkdirSync(directory, { recursive: true });
      await start();
      fs.mkdirSync(path.join(directory, '.gren'));
      fs.writeFileSync(path.join(directory, '.gren', 'state.json'), serializeState(succeeded(1)));
      index.rescanFolder(directory);
      index.rescanFolder(directory);
      index.rescanFolder(path.dirname(directory));
      expect(index.sorted().map((record) => record.hash)).toEqual([hashOf(1)]);
      expect(index.structureFolders().map((folder) => folder.directory)).not.toContain(directory);
    });

    it('should see a corrupt file replaced by a valid one', async () => {
      const directory = writeArtifact(base, { namespace: 'a.B', hash: hashOf(1), state: '{' });
      await start();
      replaceFile(path.join(directory, '.gren', 'state.json'), serializeState(succeeded(1)));
      index.reloadFolder(directory);
      expect(index.find('a.B', hashOf(1))?.summary.result_status).toBe('success');
    });
  });

  describe('when data/ and git/ hold the same artifact', () => {
    it('should find the data/ one, and the git/ one once data/ is gone', async () => {
      const data = writeArtifact(base, { namespace: 'a.B', hash: hashOf(1), state: succeeded(1) });
      writeArtifact(base, { root: 'git', namespace: 'a.B', hash: hashOf(1), state: succeeded(1) });
      await start();
      expect(index.find('a.B', hashOf(1))?.root).toBe('data');
      fs.rmSync(data, { recursive: true });
      index.rescanFolder(path.dirname(data));
      expect(index.find('a.B', hashOf(1))?.root).toBe('git');
    });
  });
});

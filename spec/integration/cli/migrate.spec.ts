import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHILDREN_DIR, runChild } from '../../support/child-process';
import { deadPid, writeForeignAttempt } from '../store/foreign-attempt';
import { copyPythonStore, spawnGren, treeDigest } from './cli-harness';

jest.setTimeout(120_000);

interface MigrateJson {
  dry_run: boolean;
  counts: Record<string, number>;
  items: {
    class_name: string;
    status: string;
    reason: string | null;
    from: { hash: string; directory: string };
    to: { hash: string; directory: string } | null;
    steps: string[];
    changes: unknown[];
  }[];
}

const V2_MODULE = path.join(CHILDREN_DIR, 'migration-v2.js');
const PYTHON_V2_MODULE = path.join(CHILDREN_DIR, 'python-store-v2.js');

describe('gren migrate', () => {
  let store: string;
  let callsFile: string;
  const env = (): Record<string, string> => ({ GREN_PATH: store, SPEC_CALLS_FILE: callsFile });
  const calls = (): string[] => (fs.existsSync(callsFile) ? fs.readFileSync(callsFile, 'utf8').trim().split('\n') : []);

  async function client(
    version: string,
    className: string,
    init?: object,
  ): Promise<{ value: string; dir: string; hash: string }> {
    const result = await runChild(
      'migration-client.js',
      [version, className, ...(init ? [JSON.stringify(init)] : [])],
      env(),
    );
    if (result.code !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout) as { value: string; dir: string; hash: string };
  }

  async function migrate(module: string, ...flags: string[]): Promise<{ code: number; json: MigrateJson }> {
    const run = await spawnGren(['migrate', module, '--root', store, '--json', ...flags], {
      env: { SPEC_CALLS_FILE: callsFile },
    });
    if (run.code !== 0 && run.code !== 1) throw new Error(`gren migrate exited ${run.code}: ${run.stderr}`);
    return { code: run.code, json: JSON.parse(run.stdout) as MigrateJson };
  }

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-migrate-'));
    callsFile = path.join(store, 'calls.txt');
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  /** v1 results: Train (default, lr 0.3, debug true), Mover, Pipeline. */
  async function computeV1(): Promise<void> {
    await client('v1', 'Train');
    await client('v1', 'Train', { lr: 0.3 });
    await client('v1', 'Train', { debug: true });
    await client('v1', 'Mover');
    await client('v1', 'Pipeline');
  }

  describe('when run with --dry-run', () => {
    it('should list each stale artifact with its changes and target, and change nothing', async () => {
      await computeV1();
      const before = treeDigest(store);

      const { code, json } = await migrate(V2_MODULE, '--dry-run');

      expect(code).toBe(0);
      expect(json.counts).toMatchObject({ planned: 4, unmapped: 1 });
      const unmapped = json.items.find((item) => item.status === 'unmapped');
      expect(unmapped?.reason).toContain("removedField('debug', false) maps only configs whose debug is false");
      const mover = json.items.find((item) => item.class_name === 'Mover');
      expect(mover?.changes).toEqual([
        { kind: 'moved', field: '', from: 'spec.migration.old_home.Mover', to: 'spec.migration.new_home.Mover' },
      ]);
      expect(treeDigest(store)).toBe(before);
    });
  });

  describe('when applied', () => {
    it('should link every mappable artifact so the next run loads instead of computing', async () => {
      await computeV1();
      const { json } = await migrate(V2_MODULE);
      expect(json.counts).toMatchObject({ linked: 4, unmapped: 1 });
      const createsBefore = calls().length;

      const train = await client('v2', 'Train', { learningRate: 0.3 });
      const pipeline = await client('v2', 'Pipeline');
      const mover = await client('v2', 'Mover');

      expect([train.value, pipeline.value, mover.value]).toEqual([
        expect.stringMatching(/^v1 Train lr=0.3 /),
        expect.stringMatching(/^v1 Pipeline p /),
        expect.stringMatching(/^v1 Mover size=3 /),
      ]);
      expect(calls()).toHaveLength(createsBefore);
    });

    it('should report its progress, one line per link, where no progress bar can be drawn', async () => {
      await computeV1();
      const run = await spawnGren(['migrate', V2_MODULE, '--root', store], { env: { SPEC_CALLS_FILE: callsFile } });
      expect(run.code).toBe(0);
      const lines = run.stderr.split('\n').filter((line) => /^\[\d\/4\] /.test(line));
      expect(lines.map((line) => line.slice(0, 13))).toEqual([
        '[1/4] linked:',
        '[2/4] linked:',
        '[3/4] linked:',
        '[4/4] linked:',
      ]);
      expect(run.stdout).toContain('5 stale: 4 linked, 1 not mappable');
    });

    it('should find its links made on a second run (idempotent)', async () => {
      await computeV1();
      await migrate(V2_MODULE);
      const { code, json } = await migrate(V2_MODULE);
      expect(code).toBe(0);
      expect(json.counts).toMatchObject({ present: 4, unmapped: 1 });
    });
  });

  describe('when an earlier run was killed while linking', () => {
    it('should settle the dead attempt and make the link on the next run', async () => {
      await computeV1();
      const { json: plan } = await migrate(V2_MODULE, '--dry-run');
      const target = plan.items.find((item) => item.class_name === 'Mover')?.to?.directory ?? '';
      writeForeignAttempt(target, {
        host: os.hostname(),
        pid: deadPid(),
        startedAt: new Date(),
        leaseSec: 120,
        lockMtime: new Date(),
      });

      const { json } = await migrate(V2_MODULE);

      expect(json.items.find((item) => item.class_name === 'Mover')?.status).toBe('linked');
      expect(json.counts).toMatchObject({ linked: 4 });
      expect((await client('v2', 'Mover')).value).toMatch(/^v1 Mover/);
    });
  });

  describe('when two stale artifacts map to one new identity', () => {
    it('should link neither, report both as conflicts naming the class and steps, and exit 1', async () => {
      const v1 = await client('v1', 'Train');
      // The same config as stored between the two first steps (seed already added): a second old identity.
      const twin = path.join(path.dirname(v1.dir), 'ffffffffffffffffffff');
      fs.cpSync(v1.dir, twin, { recursive: true });
      const metadataFile = path.join(twin, '.gren', 'metadata.json');
      const metadata = JSON.parse(fs.readFileSync(metadataFile, 'utf8')) as { gren_obj: Record<string, unknown> };
      metadata.gren_obj['seed'] = 0;
      fs.writeFileSync(metadataFile, JSON.stringify(metadata));

      const { code, json } = await migrate(V2_MODULE);

      expect(code).toBe(1);
      expect(json.items.map((item) => item.status)).toEqual(['conflict', 'conflict']);
      expect(json.items[0]?.reason).toContain("Train: renamedField('lr', 'learningRate')");
      expect(fs.existsSync(json.items[0]?.to?.directory ?? '')).toBe(false);
    });
  });

  describe('gren ls --module', () => {
    it('should show each stale artifact with its differences and the migration that maps it, or why none does', async () => {
      await client('v1', 'Train');
      await client('v1', 'Train', { debug: true });
      await client('v2', 'Train', { seed: 4 });

      const run = await spawnGren(['ls', '--root', store, '--module', V2_MODULE]);

      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        'stale (renamed lr -> learningRate; extra debug; missing seed): maps to spec.migration.Train/',
      );
      expect(run.stdout).toContain(
        "no declared migration maps it: Train: removedField('debug', false) maps only configs whose debug is false; this one has true",
      );
      const listed = JSON.parse(
        (await spawnGren(['ls', '--root', store, '--module', V2_MODULE, '--stale', '--json'])).stdout,
      ) as { total: number; artifacts: { stale: { mapping: unknown } }[] };
      expect(listed.total).toBe(2);
      expect(listed.artifacts.map((artifact) => artifact.stale.mapping === null).sort()).toEqual([false, true]);
    });

    it('should refuse --stale without a module (exit 2)', async () => {
      const run = await spawnGren(['ls', '--root', store, '--stale']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--stale needs --module');
    });
  });

  describe('when the store was written by the Python gren and a class gained a field', () => {
    it('should link the Python artifacts (and their parents) without changing them, and load them from TypeScript', async () => {
      fs.rmSync(store, { recursive: true });
      store = copyPythonStore();
      callsFile = path.join(store, 'calls.txt');
      const leafDir = path.join(store, 'data', 'refstore', 'pipelines', 'Leaf');
      const pythonArtifacts = artifactDirs(path.join(store, 'data', 'refstore', 'pipelines'));
      const before = pythonArtifacts.map((dir) => treeDigest(dir));

      const { json } = await migrate(PYTHON_V2_MODULE);

      expect(json.items.map((item) => `${item.class_name} ${item.status}`).sort()).toEqual([
        ...Array<string>(5).fill('Leaf linked'),
        'Middle linked',
        'Top linked',
      ]);
      expect(pythonArtifacts.map((dir) => treeDigest(dir))).toEqual(before);
      const result = await runChild(
        'migration-client.js',
        ['python-v2', 'Leaf', JSON.stringify({ value: 10, name: 'first' })],
        env(),
      );
      expect(JSON.parse(result.stdout)).toMatchObject({ value: '10', dir: expect.stringContaining(leafDir) });
      expect(calls()).toEqual([]);
    });
  });
});

/** The artifact folders two levels below `namespaceRoot` (`<Class>/<hash>`). */
function artifactDirs(namespaceRoot: string): string[] {
  return fs
    .readdirSync(namespaceRoot)
    .flatMap((name) =>
      fs.readdirSync(path.join(namespaceRoot, name)).map((hash) => path.join(namespaceRoot, name, hash)),
    );
}

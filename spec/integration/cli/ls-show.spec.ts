import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { useTempStore } from '../../support/temp-store';
import { copyPythonStore, grenJson, runGren } from './cli-harness';
import { Broken, Leaf, Top } from './cli-pipelines';

interface Listing {
  store: string;
  total: number;
  total_bytes: number;
  artifacts: Record<string, unknown>[];
}

describe('gren ls and gren show', () => {
  describe('on a store written by the Python gren', () => {
    let store: string;

    beforeEach(() => {
      store = copyPythonStore();
    });

    afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

    it('should list all 15 artifacts of data/ and git/ with class, hash, result, attempt, time and size', async () => {
      const run = await runGren(['--root', store, 'ls']);

      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^CLASS +HASH +RESULT +ATTEMPT +UPDATED \(UTC\) +SIZE +NAMESPACE$/);
      expect(lines).toHaveLength(17);
      expect(run.stdout).toMatch(
        /Failing +832ec803029f113ac375 +failed +#1 failed +2026-11-26 04:21:00 +\d+\.\d KiB +refstore\.pipelines\.Failing/,
      );
      expect(run.stdout).toMatch(/Versioned +421e8bcf47d8e5ec658d +success/);
      expect(lines[16]).toMatch(/^15 artifacts, \d+\.\d KiB$/);
    });

    it('should print JSON with sizes in bytes, and filter by namespace prefix and result', async () => {
      const all = await grenJson<Listing>(['--root', store, 'ls']);
      const leaves = await grenJson<Listing>(['--root', store, 'ls', 'refstore/pipelines/Leaf']);
      const failed = await grenJson<Listing>(['--root', store, 'ls', '--status', 'failed']);

      expect(all.total).toBe(15);
      expect(all.total_bytes).toBe(all.artifacts.reduce((sum, artifact) => sum + (artifact.size_bytes as number), 0));
      expect(all.artifacts.find((artifact) => artifact.class_name === 'Versioned')).toMatchObject({
        root: 'git',
        result_status: 'success',
        attempt_status: 'success',
        attempt_number: 1,
        updated_at: '2026-11-26T04:21:00+00:00',
      });
      expect(leaves.artifacts.map((artifact) => artifact.class_name)).toEqual(['Leaf', 'Leaf', 'Leaf', 'Leaf', 'Leaf']);
      expect(failed.artifacts).toEqual([
        expect.objectContaining({
          namespace: 'refstore.pipelines.Failing',
          gren_hash: '832ec803029f113ac375',
          result_status: 'failed',
        }),
      ]);
    });

    it('should list a corrupt artifact as invalid with the reason, and still list the rest', async () => {
      const broken = path.join(
        store,
        'data',
        'refstore',
        'pipelines',
        'Leaf',
        'a65a03d18cb6d9070e55',
        '.gren',
        'state.json',
      );
      fs.writeFileSync(broken, '{"schema_version": 1, "result": ');

      const run = await runGren(['--root', store, 'ls']);
      const listing = await grenJson<Listing>(['--root', store, 'ls', '--status', 'invalid']);

      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Leaf +a65a03d18cb6d9070e55 +invalid +- /);
      expect(run.stdout).toContain(`  ! Invalid JSON in state file: ${broken}`);
      expect(run.stdout).toContain('15 artifacts');
      expect(listing.artifacts).toEqual([
        expect.objectContaining({
          gren_hash: 'a65a03d18cb6d9070e55',
          result_status: 'invalid',
          invalid_reason: expect.stringContaining('Invalid JSON'),
        }),
      ]);
    });

    it('should show an artifact with its dependency found by hash, and its metadata', async () => {
      const run = await runGren(['--root', store, 'show', 'refstore.pipelines.Top/3c619c85f3318dea28d6']);

      expect(run.code).toBe(0);
      expect(run.stdout).toContain('refstore.pipelines.Top/3c619c85f3318dea28d6\n');
      expect(run.stdout).toContain('  result     success (created 2026-11-26T04:21:00+00:00)');
      expect(run.stdout).toContain('  #1 success, backend local, vm pid 25160, user root');
      expect(run.stdout).toContain(
        "  gren_python_def  refstore.pipelines.Top(middle=refstore.pipelines.Middle(leaf=refstore.pipelines.Leaf(value=3, name='deep-leaf'), scale=0.0003)",
      );
      expect(run.stdout).toContain('  git_branch       master');
      expect(run.stdout).toContain('  command          make_store.py');
      expect(run.stdout).toContain(
        'dependencies\n  middle  refstore.pipelines.Middle/1e1b3009df52e5a80d97 [success]\n',
      );
    });

    it("should show a failed attempt's error and traceback", async () => {
      const run = await runGren(['--root', store, 'show', 'refstore/pipelines/Failing/832e']);
      const json = await grenJson(['--root', store, 'show', 'refstore.pipelines.Failing/832ec803029f113ac375']);

      expect(run.stdout).toContain(
        '  error: RuntimeError: intentional failure for reference store\n  traceback:\n    Traceback (most recent call last):',
      );
      expect(run.stdout).toContain('    RuntimeError: intentional failure for reference store\n');
      expect(json).toMatchObject({
        result_status: 'failed',
        live: null,
        state: { attempt: { status: 'failed', error: { type: 'RuntimeError' } } },
        metadata: { git_patch: '<ignored-diff>' },
      });
    });

    it('should fail with exit 1 for an unknown or ambiguous artifact, and exit 2 for a malformed reference', async () => {
      const missing = await runGren(['--root', store, 'show', 'refstore.pipelines.Top/ffffffffffffffffffff', '--json']);
      const versioned = path.join('refstore', 'pipelines', 'Versioned', '421e8bcf47d8e5ec658d');
      fs.cpSync(path.join(store, 'git', versioned), path.join(store, 'data', versioned), { recursive: true });
      const ambiguous = await runGren(['--root', store, 'show', 'refstore.pipelines.Versioned/421e8']);
      const prefix = await runGren(['--root', store, 'show', 'refstore.pipelines.Scalars/e5a6']);
      const malformed = await runGren(['--root', store, 'show', 'justahash']);

      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('gren: No artifact refstore.pipelines.Top/ffffffffffffffffffff in');
      expect(JSON.parse(missing.stdout)).toEqual({
        error: { code: 'CLI_NOT_FOUND', message: expect.stringContaining('No artifact') },
      });
      expect(ambiguous.code).toBe(1);
      expect(ambiguous.stderr).toContain(
        'is ambiguous: data/refstore.pipelines.Versioned/421e8bcf47d8e5ec658d, git/refstore.pipelines.Versioned/421e8bcf47d8e5ec658d',
      );
      expect(prefix.code).toBe(0);
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toContain('is not an artifact reference');
    });
  });

  describe('on a store written by this library', () => {
    const store = useTempStore('gren-cli-ls-');

    it('should list what loadOrCreate wrote, newest first, and show declared dependencies and the log tail', async () => {
      const top = new Top();
      await top.loadOrCreate();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await expect(new Broken({ message: 'no luck' }).loadOrCreate()).rejects.toThrow('no luck');

      const listing = await grenJson<Listing>(['--root', store(), 'ls']);
      const shown = await runGren(['--root', store(), 'show', `spec.cli.Top/${top.grenHash}`, '--tail', '2']);
      const shownJson = await grenJson(['--root', store(), 'show', `spec.cli.Top/${top.grenHash}`]);

      const rows = listing.artifacts.map(
        (artifact) => `${artifact.class_name as string} ${artifact.result_status as string}`,
      );
      expect(rows[0]).toBe('Broken failed');
      expect(rows.slice(1).sort()).toEqual(['Leaf success', 'Middle success', 'Top success']);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(`dependencies\n  middle  spec.cli.Middle/${top.middle.grenHash} [success]\n`);
      expect(shown.stdout).toMatch(/ {2}gren_ts_def +new Top\(\{ middle: new Middle/);
      expect(shown.stdout).not.toContain('python_version');
      expect(shown.stdout).toContain(`log (last 2 lines: ${path.join(top.grenDir, '.gren', 'gren.log')})`);
      expect(shownJson).toMatchObject({
        dependencies: [
          {
            field: 'middle',
            namespace: 'spec.cli.Middle',
            gren_hash: top.middle.grenHash,
            result_status: 'success',
            matched_by: 'hash',
          },
        ],
      });
      expect((shownJson.log_tail as string[]).some((line) => line.includes('created Top'))).toBe(true);
    });

    it('should find an artifact by its folder path', async () => {
      const leaf = new Leaf();
      await leaf.loadOrCreate();

      expect(await grenJson(['--root', store(), 'show', leaf.grenDir])).toMatchObject({
        namespace: 'spec.cli.Leaf',
        gren_hash: leaf.grenHash,
      });
    });
  });

  describe('on a folder that holds no store', () => {
    it('should fail with exit 1', async () => {
      const run = await runGren(['--root', path.join(os.tmpdir(), 'gren-no-such-store-9f3c'), 'ls']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('No gren store at');
    });
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultState, serializeState } from 'gren-ts';
import { startAttempt } from '../../../lib/src/storage/transitions';
import { eventually, finished, startChild } from '../../support/child-process';
import { useTempStore } from '../../support/temp-store';
import { SlowSquare } from '../children/pipelines';
import { backdate, copyPythonStore, grenJson, runGren, treeDigest } from './cli-harness';
import { Broken, creations, Leaf, Middle, Top } from './cli-pipelines';

jest.setTimeout(30_000);

interface GcJson {
  dry_run: boolean;
  selected: { namespace: string; gren_hash: string; reasons: string[]; removed: boolean }[];
  kept: { namespace: string; gren_hash: string; reasons: string[]; why: string }[];
  failures: unknown[];
  removed_count: number;
  freed_bytes: number;
  would_free_bytes: number;
  fits_budget: boolean;
  trash: { entries: number; bytes: number; emptied: boolean };
}

const refs = (entries: { namespace: string; gren_hash: string }[]): string[] =>
  entries.map((entry) => `${entry.namespace}/${entry.gren_hash}`).sort();

/** A hand-written attempt of another process: its state.json only (no lock). */
function writeAttempt(
  dir: string,
  status: 'running' | 'queued',
  host: string,
  startedAt: Date,
  leaseSec: number,
): void {
  const owner = {
    pid: 999_999,
    host,
    hostname: host,
    user: 'someone',
    command: 'x',
    timestamp: null,
    python_version: null,
    executable: null,
    platform: null,
  };
  const state = startAttempt(
    defaultState(),
    { id: 'c'.repeat(32), status, backend: 'local', leaseSec, owner },
    startedAt,
  ).state;
  fs.mkdirSync(path.join(dir, '.gren'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.gren', 'state.json'),
    serializeState({ ...state, updated_at: state.attempt!.started_at }),
  );
}

describe('gren gc', () => {
  const store = useTempStore('gren-cli-gc-');

  describe('when only the leaf of a kept chain is old (Top → Middle → Leaf)', () => {
    it('should keep the leaf in the dry run and the real run, remove exactly what the dry run listed, and keep the cache', async () => {
      const top = new Top();
      await top.loadOrCreate();
      const unrelated = new Leaf({ name: 'unrelated' });
      await unrelated.loadOrCreate();
      backdate(top.middle.leaf.grenDir, 60);
      backdate(unrelated.grenDir, 60);
      const before = treeDigest(store());

      const dry = await grenJson<GcJson>(['--root', store(), 'gc', '--older-than', '30d', '--dry-run']);

      expect(treeDigest(store())).toBe(before);
      expect(dry.dry_run).toBe(true);
      expect(refs(dry.selected)).toEqual([`spec.cli.Leaf/${unrelated.grenHash}`]);
      expect(dry.kept).toEqual([
        expect.objectContaining({
          namespace: 'spec.cli.Leaf',
          gren_hash: top.middle.leaf.grenHash,
          reasons: ['age'],
          why: `needed by spec.cli.Middle/${top.middle.grenHash}`,
        }),
      ]);

      const real = await grenJson<GcJson>(['--root', store(), 'gc', '--older-than', '30d']);

      expect(refs(real.selected)).toEqual(refs(dry.selected));
      expect(real).toMatchObject({ dry_run: false, removed_count: 1, failures: [], freed_bytes: dry.would_free_bytes });
      expect(fs.existsSync(unrelated.grenDir)).toBe(false);
      for (const kept of [top, top.middle, top.middle.leaf]) expect(fs.existsSync(kept.grenDir)).toBe(true);
      expect(fs.readdirSync(path.join(store(), '.trash'))).toEqual([]);
      const createdBefore = { ...creations };
      await expect(new Top().loadOrCreate()).resolves.toBe('Top');
      expect(creations).toEqual(createdBefore);
    });

    it('should print what it would free as text', async () => {
      const top = new Top();
      await top.loadOrCreate();
      backdate(top.middle.leaf.grenDir, 60);

      const run = await runGren(['--root', store(), 'gc', '--older-than', '30d', '--dry-run']);

      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`gc of ${store()} (dry run: nothing is changed): 3 artifacts,`);
      expect(run.stdout).toContain('would remove 0 artifacts, 0 B');
      expect(run.stdout).toMatch(
        new RegExp(
          `kept 1 selected artifact:\\n  spec\\.cli\\.Leaf/${top.middle.leaf.grenHash} \\[success\\] .* old; kept: needed by spec\\.cli\\.Middle/${top.middle.grenHash}`,
        ),
      );
      expect(run.stdout).toContain('would free 0 B');
    });

    it('should remove the dependency too with --no-keep-deps', async () => {
      const top = new Top();
      await top.loadOrCreate();
      backdate(top.middle.leaf.grenDir, 60);

      const real = await grenJson<GcJson>(['--root', store(), 'gc', '--older-than', '30d', '--no-keep-deps']);

      expect(real.removed_count).toBe(1);
      expect(fs.existsSync(top.middle.leaf.grenDir)).toBe(false);
      expect(fs.existsSync(top.grenDir)).toBe(true);
    });
  });

  describe('when artifacts failed', () => {
    it('should remove them with --failed and leave successful ones', async () => {
      const failing = new Broken({ message: 'bad input' });
      await expect(failing.loadOrCreate()).rejects.toThrow('bad input');
      const leaf = new Leaf();
      await leaf.loadOrCreate();

      const run = await runGren(['--root', store(), 'gc', '--failed']);

      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`  spec.cli.Broken/${failing.grenHash} [failed]`);
      expect(run.stdout).toMatch(/removed 1 artifact, freed \d+(\.\d)? (B|KiB)/);
      expect(fs.existsSync(failing.grenDir)).toBe(false);
      expect(fs.existsSync(leaf.grenDir)).toBe(true);
    });

    it('should remove the failed artifact of a Python store', async () => {
      const python = copyPythonStore();
      try {
        const real = await grenJson<GcJson>(['--root', python, 'gc', '--failed']);

        expect(refs(real.selected)).toEqual(['refstore.pipelines.Failing/832ec803029f113ac375']);
        expect(
          fs.existsSync(path.join(python, 'data', 'refstore', 'pipelines', 'Failing', '832ec803029f113ac375')),
        ).toBe(false);
        expect((await grenJson<{ total: number }>(['--root', python, 'ls'])).total).toBe(14);
      } finally {
        fs.rmSync(python, { recursive: true, force: true });
      }
    });
  });

  describe('when an artifact is live', () => {
    it('should never remove an artifact a real process is computing', async () => {
      const square = new SlowSquare({ x: 7 });
      const child = startChild('store-client.js', ['7', '20000'], { GREN_PATH: store() });
      const done = finished(child);
      try {
        const stateFile = path.join(square.grenDir, '.gren', 'state.json');
        await eventually(
          () => fs.existsSync(stateFile) && fs.readFileSync(stateFile, 'utf8').includes('"running"'),
          15_000,
          'the child to start computing',
        );
        await new Promise((resolve) => setTimeout(resolve, 1100));

        const real = await grenJson<GcJson>([
          '--root',
          store(),
          'gc',
          '--orphans',
          '--older-than',
          '0s',
          '--max-size',
          '0',
        ]);

        expect(real.selected).toEqual([]);
        expect(real.kept).toEqual([
          expect.objectContaining({
            gren_hash: square.grenHash,
            reasons: ['age', 'orphan'],
            why: 'live: compute lock present (.gren/.compute.lock)',
          }),
        ]);
        expect(real.fits_budget).toBe(false);
        expect(fs.existsSync(square.grenDir)).toBe(true);
      } finally {
        child.kill('SIGKILL');
        await done;
      }
    });

    it("should never remove another host's running attempt whose lease runs, but remove it once the lease expired", async () => {
      const live = path.join(store(), 'data', 'spec', 'cli', 'Remote', 'aaaaaaaaaaaaaaaaaaaa');
      const stale = path.join(store(), 'data', 'spec', 'cli', 'Remote', 'bbbbbbbbbbbbbbbbbbbb');
      writeAttempt(live, 'running', 'other-host', new Date(), 3600);
      writeAttempt(stale, 'running', 'other-host', new Date(Date.now() - 7_200_000), 3600);

      const real = await grenJson<GcJson>(['--root', store(), 'gc', '--orphans']);

      expect(refs(real.selected)).toEqual(['spec.cli.Remote/bbbbbbbbbbbbbbbbbbbb']);
      expect(real.kept).toEqual([
        expect.objectContaining({
          gren_hash: 'aaaaaaaaaaaaaaaaaaaa',
          why: expect.stringMatching(/^live: attempt #1 running, lease until /),
        }),
      ]);
      expect(fs.existsSync(live)).toBe(true);
      expect(fs.existsSync(stale)).toBe(false);
    });
  });

  describe('when selecting orphans', () => {
    it('should remove crashed, empty and unreadable artifacts, and leave a state of another schema alone', async () => {
      const namespace = path.join(store(), 'data', 'spec', 'cli', 'Odd');
      const empty = path.join(namespace, 'cccccccccccccccccccc');
      const corrupt = path.join(namespace, 'dddddddddddddddddddd');
      const newer = path.join(namespace, 'eeeeeeeeeeeeeeeeeeee');
      fs.mkdirSync(empty, { recursive: true });
      fs.mkdirSync(path.join(corrupt, '.gren'), { recursive: true });
      fs.writeFileSync(path.join(corrupt, '.gren', 'state.json'), 'not json');
      fs.mkdirSync(path.join(newer, '.gren'), { recursive: true });
      fs.writeFileSync(
        path.join(newer, '.gren', 'state.json'),
        JSON.stringify({ schema_version: 2, result: { status: 'absent' } }),
      );
      const leaf = new Leaf();
      await leaf.loadOrCreate();

      const real = await grenJson<GcJson>([
        '--root',
        store(),
        'gc',
        '--orphans',
        '--older-than',
        '0s',
        '--no-keep-deps',
      ]);

      expect(refs(real.selected)).toEqual([
        `spec.cli.Leaf/${leaf.grenHash}`,
        'spec.cli.Odd/cccccccccccccccccccc',
        'spec.cli.Odd/dddddddddddddddddddd',
      ]);
      expect(real.kept).toEqual([
        expect.objectContaining({
          gren_hash: 'eeeeeeeeeeeeeeeeeeee',
          why: expect.stringContaining('another schema version'),
        }),
      ]);
      expect(fs.existsSync(newer)).toBe(true);
    });
  });

  describe('when the store is over a size budget', () => {
    it('should remove the oldest artifacts until it fits, never a needed dependency', async () => {
      const oldest = new Leaf({ name: 'oldest', lines: 200 });
      const middle = new Middle({ leaf: new Leaf({ name: 'needed', lines: 200 }) });
      const newest = new Leaf({ name: 'newest', lines: 200 });
      for (const config of [oldest, middle, newest]) await config.loadOrCreate();
      backdate(middle.leaf.grenDir, 50);
      backdate(oldest.grenDir, 40);
      backdate(middle.grenDir, 30);
      const listing = await grenJson<{ total_bytes: number; artifacts: { gren_hash: string; size_bytes: number }[] }>([
        '--root',
        store(),
        'ls',
      ]);
      const size = (hash: string): number =>
        listing.artifacts.find((artifact) => artifact.gren_hash === hash)!.size_bytes;
      const budget = listing.total_bytes - size(oldest.grenHash) - 1;

      const dry = await grenJson<GcJson>(['--root', store(), 'gc', '--max-size', String(budget), '--dry-run']);

      expect(dry.selected.map((entry) => `${entry.gren_hash} ${entry.reasons.join()}`)).toEqual([
        `${oldest.grenHash} size`,
        `${middle.grenHash} size`,
      ]);
      expect(dry.fits_budget).toBe(true);
      const after = await grenJson<GcJson>(['--root', store(), 'gc', '--max-size', String(budget)]);
      expect(after.removed_count).toBe(2);
      expect(fs.existsSync(middle.leaf.grenDir)).toBe(true);
      expect((await grenJson<{ total_bytes: number }>(['--root', store(), 'ls'])).total_bytes).toBeLessThanOrEqual(
        budget,
      );
    });
  });

  describe('when an earlier gc was interrupted', () => {
    it('should count the leftovers in a dry run, and empty .trash at the start of the next real run', async () => {
      const leftover = path.join(
        store(),
        '.trash',
        '20260101T000000Z-deadbeef',
        'data',
        'spec',
        'cli',
        'Leaf',
        'ffffffffffffffffffff',
      );
      fs.mkdirSync(path.join(leftover, '.gren'), { recursive: true });
      fs.writeFileSync(path.join(leftover, 'big.bin'), Buffer.alloc(4096));

      const dry = await runGren(['--root', store(), 'gc', '--failed', '--dry-run']);
      expect(dry.stdout).toContain('.trash holds 1 leftover(s) of an interrupted gc, 4.0 KiB: a real run empties it');
      expect(fs.existsSync(leftover)).toBe(true);

      const real = await grenJson<GcJson>(['--root', store(), 'gc', '--failed']);

      expect(real.trash).toEqual({ entries: 1, bytes: 4096, emptied: true });
      expect(fs.readdirSync(path.join(store(), '.trash'))).toEqual([]);
    });
  });

  describe('when used wrongly or asked on a terminal', () => {
    it('should refuse to run without a criterion (exit 2)', async () => {
      const run = await runGren(['--root', store(), 'gc']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('gc needs at least one of --older-than, --failed, --orphans, --max-size');
    });

    it('should reject invalid durations and sizes (exit 2)', async () => {
      expect((await runGren(['--root', store(), 'gc', '--older-than', 'soon'])).code).toBe(2);
      expect((await runGren(['--root', store(), 'gc', '--max-size', 'lots'])).code).toBe(2);
    });

    it('should ask on a terminal and remove nothing when told no, and not ask with --yes', async () => {
      const failing = new Broken({ message: 'x' });
      await expect(failing.loadOrCreate()).rejects.toThrow();

      const declined = await runGren(['--root', store(), 'gc', '--failed'], { interactive: true, answer: false });
      expect(declined.asked).toEqual([
        expect.stringMatching(/^Remove 1 artifact\(s\), .* from .*\? \(--dry-run lists them\)$/),
      ]);
      expect(declined.code).toBe(1);
      expect(fs.existsSync(failing.grenDir)).toBe(true);

      const confirmed = await runGren(['--root', store(), 'gc', '--failed', '--yes'], { interactive: true });
      expect(confirmed.asked).toEqual([]);
      expect(confirmed.code).toBe(0);
      expect(fs.existsSync(failing.grenDir)).toBe(false);
    });

    it('should fail on a missing store (exit 1)', async () => {
      expect((await runGren(['--root', path.join(os.tmpdir(), 'gren-none-3b1d'), 'gc', '--failed'])).code).toBe(1);
    });
  });
});

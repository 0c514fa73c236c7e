import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { callsIn, SWEEP_MODULE, type SweepRow } from '../../support/sweep-store';
import { spawnGren } from './cli-harness';

/** `gren run` as a real process, with the pool executor, on the three-level test sweep. */
jest.setTimeout(120_000);

interface RunJson {
  ok: boolean;
  done: number;
  failed: number;
  skipped: number;
  cached: number;
  entries: SweepRow[];
}

describe('gren run', () => {
  let store: string;
  let env: Record<string, string>;

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-run-'));
    env = { SPEC_CALLS_FILE: path.join(store, 'calls.txt'), GREN_IGNORE_DIFF: '1', GREN_POLL_INTERVAL_SECS: '1' };
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  const run = (args: string[], extra: Record<string, string> = {}): ReturnType<typeof spawnGren> =>
    spawnGren(['--root', store, 'run', SWEEP_MODULE, 'sweep', ...args], { env: { ...env, ...extra } });

  describe('with --dry-run', () => {
    it('should print the levels and what is cached, and compute nothing', async () => {
      const result = await run(['--dry-run']);

      expect(result.code).toBe(0);
      expect(result.stdout).toContain('10 config(s) to compute in 3 level(s); 0 cached.');
      expect(result.stdout).toMatch(/level 0 \(4\):\n {2}Leaf [0-9a-f]{20} {2}\(dependency\)/);
      expect(result.stdout).toMatch(/level 2 \(2\):\n {2}Total [0-9a-f]{20} {2}after [0-9a-f]{20}, [0-9a-f]{20}/);
      expect(callsIn(env.SPEC_CALLS_FILE ?? '')).toEqual([]);
    });
  });

  describe('when a config fails, without a terminal', () => {
    it('should exit 1, print plain progress lines and the failure, and --json the outcome', async () => {
      const plain = await run(['--jobs', '2'], { SPEC_FAIL_X: '2' });

      expect(plain.code).toBe(1);
      expect(plain.stderr).toMatch(/gren run: failed: Double [0-9a-f]{20}: failed: double 2 fails on purpose/);
      expect(plain.stderr).toMatch(/gren run: skipped: Total [0-9a-f]{20}: dependency Double/);
      expect(plain.stderr).toMatch(
        /gren run: finished: done 8\/10, running 0, queued 0, failed 1, skipped 1; cached 0; elapsed \d+s/,
      );

      const json = await run(['--jobs', '2', '--json'], { SPEC_FAIL_X: '2' });
      expect(json.code).toBe(1);
      const outcome = JSON.parse(json.stdout) as RunJson;
      expect(outcome).toMatchObject({ ok: false, done: 0, failed: 1, skipped: 1, cached: 3 });
    });
  });

  describe('when run again once the failure is fixed', () => {
    it('should compute only what is missing, then find everything cached', async () => {
      await run(['--jobs', '2'], { SPEC_FAIL_X: '2' });

      const second = await run(['--jobs', '2', '--json']);
      const third = await run(['--dry-run']);

      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout)).toMatchObject({ ok: true, done: 2, cached: 3 });
      expect(third.stdout).toContain('0 config(s) to compute in 0 level(s); 2 cached.');
    });
  });

  describe('with --configs-per-task neither auto nor a whole number', () => {
    it('should exit 2 and name the option and both accepted forms', async () => {
      const result = await run(['--executor', 'slurm', '--configs-per-task', 'many']);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        "option '--configs-per-task <n|auto>' argument 'many' is invalid. expected auto or a whole number of 1 or more.",
      );
      expect(callsIn(env.SPEC_CALLS_FILE ?? '')).toEqual([]);
    });
  });

  describe('with an export that is not a sweep', () => {
    it('should name the export and what it must be', async () => {
      const result = await spawnGren(['--root', store, 'run', SWEEP_MODULE, 'Leaf']);
      const missing = await spawnGren(['--root', store, 'run', SWEEP_MODULE, 'nope']);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain("'Leaf' in");
      expect(result.stderr).toContain('export a GrenList class, an array of configs, or a function returning one');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/exports nothing named 'nope'\. Its exports: .*threeLevels/);
    });
  });
});

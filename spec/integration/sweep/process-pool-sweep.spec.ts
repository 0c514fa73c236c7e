import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { finished, runChild, startChild } from '../../support/child-process';
import { callsIn, lockFiles, successesByArtifact, sweepStates, type SweepRow } from '../../support/sweep-store';

/**
 * runAll with a ProcessPoolExecutor of 2 real `gren-worker --serve` processes, on the
 * three-level sweep of spec/integration/children/sweep-pipelines.ts (leaves → doubles →
 * totals over pairs), in child processes against a real temp store.
 */
jest.setTimeout(120_000);

interface ClientOutput {
  counts: Record<string, number>;
  entries: SweepRow[];
  error?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('runAll with a process pool', () => {
  let store: string;
  let callsFile: string;
  let env: Record<string, string>;

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-sweep-'));
    callsFile = path.join(store, 'calls.txt');
    env = { GREN_PATH: store, SPEC_CALLS_FILE: callsFile, GREN_POLL_INTERVAL_SECS: '1', GREN_IGNORE_DIFF: '1' };
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  const sweep = async (extra: Record<string, string> = {}, n = 4): Promise<ClientOutput> => {
    const result = await runChild('sweep-client.js', ['process', String(n)], { ...env, ...extra });
    const output = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as ClientOutput;
    if (output.error) throw new Error(`sweep-client failed: ${output.error}\n${result.stderr}`);
    return output;
  };
  const row = (
    output: ClientOutput,
    className: string,
    predicate: (row: SweepRow) => boolean = () => true,
  ): SweepRow[] => output.entries.filter((entry) => entry.className === className && predicate(entry));

  describe('when a config in the middle level fails', () => {
    it('should compute the independent configs, skip its dependants with its message, and leave no lock', async () => {
      const output = await sweep({ SPEC_FAIL_X: '2' });

      expect(output.counts).toMatchObject({ total: 10, done: 8, failed: 1, skipped: 1, cancelled: 0 });
      const [failed] = row(output, 'Double', (entry) => entry.status === 'failed');
      expect(failed?.message).toContain('double 2 fails on purpose');
      const [skipped] = row(output, 'Total', (entry) => entry.status === 'skipped');
      expect(skipped?.message).toContain(`dependency Double ${failed?.hash ?? '?'} failed`);
      expect(skipped?.message).toContain('double 2 fails on purpose');
      expect(row(output, 'Total', (entry) => entry.status === 'done')).toHaveLength(1);
      expect(output.entries.map((entry) => entry.level).sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
      expect(lockFiles(store)).toEqual([]);
      for (const state of sweepStates(store).values()) expect(state.attempt?.backend).toBe('process');
    });
  });

  describe('when the sweep runs again after a failure', () => {
    it('should run only what failed or was skipped', async () => {
      await sweep({ SPEC_FAIL_X: '2' });
      const before = callsIn(callsFile).length;

      const output = await sweep();

      expect(output.counts).toMatchObject({ done: 2, failed: 0, skipped: 0, cached: 3 });
      expect(callsIn(callsFile).slice(before).sort()).toEqual(['create double 2', 'create total pair1']);
      const successes = [...successesByArtifact(store).values()];
      expect(successes).toHaveLength(10);
      expect(successes.every((count) => count === 1)).toBe(true);
    });
  });

  describe('when two sweeps sharing every dependency run at once', () => {
    it('should compute each artifact exactly once', async () => {
      const [a, b] = await Promise.all([sweep({ SPEC_LEAF_MS: '300' }, 6), sweep({ SPEC_LEAF_MS: '300' }, 6)]);

      expect([a.counts.failed, b.counts.failed]).toEqual([0, 0]);
      const creates = callsIn(callsFile);
      expect(creates).toHaveLength(6 + 6 + 3);
      expect(new Set(creates).size).toBe(creates.length);
      expect([...successesByArtifact(store).values()].every((count) => count === 1)).toBe(true);
    });
  });

  describe('when the sweep is cancelled while the pool computes', () => {
    it('should stop the workers, record the attempts cancelled or preempted and leave no lock', async () => {
      const outcome = await finished(startChild('sweep-cancel-client.js', ['4', '30000'], env));

      const output = JSON.parse(outcome.stdout.trim()) as ClientOutput;
      expect(output.counts).toMatchObject({ done: 0, cancelled: 10 });
      const attempts = [...sweepStates(store).values()]
        .map((state) => state.attempt)
        .filter((attempt) => attempt !== null);
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      expect(attempts.every((attempt) => attempt.status === 'cancelled' || attempt.status === 'preempted')).toBe(true);
      const workerPids = new Set(attempts.map((attempt) => Number(attempt.scheduler.job_id)));
      for (const pid of workerPids) expect(isAlive(pid)).toBe(false);
      expect(lockFiles(store)).toEqual([]);
    });
  });
});

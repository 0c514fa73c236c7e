import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually, finished, runChild } from '../../support/child-process';
import { slurmAvailable } from '../../support/slurm';
import {
  callsIn,
  GREN_BIN,
  lockFiles,
  successesByArtifact,
  sweepStates,
  SWEEP_MODULE,
  type SweepRow,
} from '../../support/sweep-store';
import { spawn } from 'node:child_process';

/**
 * Sweeps as SLURM job arrays on the real local cluster: the three-level sweep of
 * spec/integration/children/sweep-pipelines.ts (leaves → doubles → totals over pairs), one
 * array per level, every task a real gren-worker.
 */
jest.setTimeout(300_000);

const describeSlurm = slurmAvailable() ? describe : describe.skip;

interface ClientOutput {
  counts: Record<string, number>;
  stats: { sbatchCalls: number; arrays: number; tasks: number };
  entries: SweepRow[];
  error?: string;
}

describeSlurm('runAll with SlurmArrayExecutor on a real cluster', () => {
  let store: string;
  let callsFile: string;
  let env: Record<string, string>;

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-slurm-sweep-'));
    fs.chmodSync(store, 0o755);
    callsFile = path.join(store, 'calls.txt');
    env = { GREN_PATH: store, SPEC_CALLS_FILE: callsFile, GREN_POLL_INTERVAL_SECS: '1', GREN_IGNORE_DIFF: '1' };
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  const sweep = async (
    extra: Record<string, string> = {},
    configsPerTask: number | 'auto' = 1,
    leaves = 4,
    maxRunning = '',
  ): Promise<ClientOutput> => {
    const result = await runChild(
      'sweep-client.js',
      ['slurm', String(leaves), maxRunning, '0', String(configsPerTask)],
      { ...env, ...extra },
    );
    const output = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as ClientOutput;
    if (output.error) throw new Error(`sweep-client failed: ${output.error}\n${result.stderr}`);
    return output;
  };

  describe('when a three-level sweep with a failing config runs, then runs again once fixed', () => {
    it('should submit one array per level, skip the dependants of the failure, and resubmit only what is missing', async () => {
      const first = await sweep({ SPEC_FAIL_X: '2' });

      process.stderr.write(`[slurm sweep] first run: ${JSON.stringify(first.counts)} ${JSON.stringify(first.stats)}\n`);
      expect(first.counts).toMatchObject({ total: 10, done: 8, failed: 1, skipped: 1 });
      expect(first.stats).toEqual({ sbatchCalls: 3, arrays: 3, tasks: 9 });
      const failed = first.entries.find((entry) => entry.status === 'failed');
      const skipped = first.entries.find((entry) => entry.status === 'skipped');
      expect(failed).toMatchObject({ className: 'Double', level: 1 });
      expect(failed?.message).toContain('double 2 fails on purpose');
      expect(skipped).toMatchObject({ className: 'Total', level: 2, jobId: null });
      expect(skipped?.message).toContain(
        `dependency Double ${failed?.hash ?? '?'} failed (failed: double 2 fails on purpose)`,
      );
      for (const [key, state] of sweepStates(store)) {
        if (key.startsWith('Total/') && state.attempt === null) continue;
        const scheduler = state.attempt?.scheduler ?? {};
        expect(state.attempt?.backend).toBe('slurm');
        expect(scheduler.job_id).toBe(`${String(scheduler.array_job_id)}_${String(scheduler.array_task_id)}`);
        expect(fs.existsSync(String(scheduler.stdout))).toBe(true);
      }
      const leafArrays = new Set(
        [...sweepStates(store)]
          .filter(([key]) => key.startsWith('Leaf/'))
          .map(([, state]) => state.attempt?.scheduler.array_job_id),
      );
      expect(leafArrays.size).toBe(1);

      const before = callsIn(callsFile).length;
      const second = await sweep();

      process.stderr.write(
        `[slurm sweep] resumed run: ${JSON.stringify(second.counts)} ${JSON.stringify(second.stats)}\n`,
      );
      expect(second.counts).toMatchObject({ done: 2, failed: 0, skipped: 0, cached: 3 });
      expect(second.stats).toEqual({ sbatchCalls: 2, arrays: 2, tasks: 2 });
      expect(callsIn(callsFile).slice(before).sort()).toEqual(['create double 2', 'create total pair1']);
      expect([...successesByArtifact(store).values()]).toEqual(Array.from({ length: 10 }, () => 1));
      expect(lockFiles(store)).toEqual([]);
    });
  });

  describe('when each array task computes three configs', () => {
    it('should submit fewer tasks, and a failing config should not stop the others of its task', async () => {
      const output = await sweep({ SPEC_FAIL_X: '2' }, 3);

      process.stderr.write(
        `[slurm sweep] three configs per task: ${JSON.stringify(output.counts)} ${JSON.stringify(output.stats)}\n`,
      );
      expect(output.counts).toMatchObject({ total: 10, done: 8, failed: 1, skipped: 1 });
      expect(output.stats).toEqual({ sbatchCalls: 3, arrays: 3, tasks: 5 });
      const doubles = output.entries.filter((entry) => entry.className === 'Double');
      const byJob = new Map<string, number>();
      for (const entry of doubles) byJob.set(entry.jobId ?? '?', (byJob.get(entry.jobId ?? '?') ?? 0) + 1);
      expect([...byJob.values()].sort()).toEqual([1, 3]);
      expect(
        callsIn(callsFile)
          .filter((line) => line.startsWith('create double'))
          .sort(),
      ).toEqual(['create double 1', 'create double 2', 'create double 3', 'create double 4']);
      expect(lockFiles(store)).toEqual([]);
    });
  });

  describe('when configsPerTask is auto (the default) and a level holds more than 4 tasks per slot', () => {
    it('should pack its configs into fewer tasks, and a failing config should not stop the others of its task', async () => {
      // 12 leaves → 12 doubles → 6 totals; maxRunning 2 makes at most 2 slots whatever the cluster's CPUs.
      const output = await sweep({ SPEC_FAIL_X: '2' }, 'auto', 12, '2');

      process.stderr.write(
        `[slurm sweep] auto packing: ${JSON.stringify(output.counts)} ${JSON.stringify(output.stats)}\n`,
      );
      expect(output.counts).toMatchObject({ total: 30, done: 28, failed: 1, skipped: 1 });
      expect(output.stats.sbatchCalls).toBe(3);
      const submitted = output.entries.filter((entry) => entry.jobId !== null);
      const tasks = new Set(submitted.map((entry) => entry.jobId));
      expect(output.stats.tasks).toBe(tasks.size);
      expect(tasks.size).toBeLessThan(submitted.length);
      const failed = output.entries.find((entry) => entry.status === 'failed');
      expect(failed).toMatchObject({ className: 'Double', level: 1 });
      const taskMates = output.entries.filter((entry) => entry.jobId === failed?.jobId && entry !== failed);
      expect(taskMates.length).toBeGreaterThanOrEqual(1);
      expect(taskMates.every((entry) => entry.status === 'done')).toBe(true);
      const skipped = output.entries.filter((entry) => entry.status === 'skipped');
      expect(skipped).toEqual([expect.objectContaining({ className: 'Total', level: 2, jobId: null })]);
      expect(skipped[0]?.message).toContain(
        `dependency Double ${failed?.hash ?? '?'} failed (failed: double 2 fails on purpose)`,
      );
      for (const [key, state] of sweepStates(store)) {
        if (key.startsWith('Total/') && state.attempt === null) continue;
        const scheduler = state.attempt?.scheduler ?? {};
        expect(scheduler.job_id).toBe(`${String(scheduler.array_job_id)}_${String(scheduler.array_task_id)}`);
      }
      expect(callsIn(callsFile).filter((line) => line.startsWith('create double')).length).toBe(12);
      const successes = [...successesByArtifact(store).values()];
      expect(successes.filter((count) => count === 1)).toHaveLength(28);
      expect(successes.filter((count) => count > 1)).toEqual([]);
      expect(lockFiles(store)).toEqual([]);
    });
  });

  describe('when `gren run --executor slurm` gets SIGINT while its arrays run', () => {
    it('should scancel them, record the attempts cancelled or preempted, and leave no job and no lock', async () => {
      const child = spawn(
        process.execPath,
        [
          GREN_BIN,
          '--root',
          store,
          'run',
          SWEEP_MODULE,
          'sweep',
          '--executor',
          'slurm',
          '--max-running',
          '2',
          '--json',
        ],
        {
          env: { ...process.env, ...env, GREN_LOG_LEVEL: 'ERROR', SPEC_LEAF_MS: '120000' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const exit = finished(child);
      const running = (): number =>
        [...sweepStates(store).values()].filter((state) => state.attempt?.status === 'running').length;
      await eventually(() => running() >= 2, 120_000, 'two leaves to run');

      child.kill('SIGINT');
      const result = await exit;

      process.stderr.write(`[slurm sweep] after SIGINT: exit ${String(result.code)} ${result.stdout.slice(0, 300)}\n`);
      expect(result.code).toBe(130);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, done: 0, cancelled: 10 });
      const states = [...sweepStates(store).values()];
      const arrays = [
        ...new Set(
          states
            .map((state) => state.attempt?.scheduler.array_job_id)
            .filter((id): id is string => typeof id === 'string'),
        ),
      ];
      expect(arrays).toHaveLength(1);
      const listed = execFileSync('squeue', ['-h', '-r', '-j', arrays.join(','), '-o', '%i|%T'], {
        encoding: 'utf8',
      }).trim();
      expect(listed).toBe('');
      const statuses = states.map((state) => state.attempt?.status);
      expect(statuses.filter((status) => status !== undefined).length).toBe(4);
      expect(statuses.every((status) => status === undefined || status === 'cancelled' || status === 'preempted')).toBe(
        true,
      );
      expect(lockFiles(store)).toEqual([]);
    });
  });
});

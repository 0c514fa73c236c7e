import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readEvents } from '../../../lib/src/storage/read-events';
import { readState } from '../../../lib/src/storage/read-state';
import type { Attempt } from '../../../lib/src/storage/state-types';
import { eventually, finished, runChild, startChild } from '../../support/child-process';
import { slurmAvailable } from '../../support/slurm';

/**
 * SlurmExecutor end to end on the real local cluster (partitions debug and urgent, see
 * scripts/start-local-slurm.sh). Jobs run the real gren-worker. The states each
 * test observed are printed to stderr for the record.
 */
jest.setTimeout(300_000);

const describeSlurm = slurmAvailable() ? describe : describe.skip;

interface Output {
  jobId?: string;
  value?: unknown;
  error?: string;
  message?: string;
}

describeSlurm('SlurmExecutor on a real cluster', () => {
  let store: string;
  let callsFile: string;
  let env: Record<string, string>;

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-slurm-'));
    fs.chmodSync(store, 0o755);
    callsFile = path.join(store, 'calls.txt');
    env = { GREN_PATH: store, SPEC_CALLS_FILE: callsFile, GREN_POLL_INTERVAL_SECS: '1', GREN_IGNORE_DIFF: '1' };
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  const client = async (args: string[], extraEnv: Record<string, string> = {}): Promise<Output> => {
    const result = await runChild('slurm-client.js', args, { ...env, ...extraEnv });
    return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Output;
  };
  const artifactDir = (className: string): string => {
    const base = path.join(store, 'data', 'spec', 'children', className);
    return path.join(base, fs.readdirSync(base)[0]!);
  };
  const stateOf = (className: string): ReturnType<typeof readState> =>
    readState(path.join(artifactDir(className), '.gren', 'state.json'));
  const calls = (): string[] => (fs.existsSync(callsFile) ? fs.readFileSync(callsFile, 'utf8').trim().split('\n') : []);
  const observe = (label: string, attempt: Attempt | null): void => {
    process.stderr.write(
      `[slurm] ${label}: attempt #${attempt?.number ?? '-'} ${attempt?.status ?? '-'} scheduler=${JSON.stringify(attempt?.scheduler ?? {})}\n`,
    );
  };
  const waitForRunning = (className: string): Promise<void> =>
    eventually(
      () =>
        fs.existsSync(path.join(store, 'data', 'spec', 'children', className)) &&
        stateOf(className).attempt?.status === 'running',
      120_000,
      `${className} to run`,
    );

  describe('when a job succeeds', () => {
    it('should record backend slurm with the job id and return the value', async () => {
      const output = await client(['wait', 'SlowSquare', '3', '300']);

      expect(output.value).toBe(9);
      const state = stateOf('SlowSquare');
      observe('success', state.attempt);
      expect(state.result.status).toBe('success');
      expect(state.attempt).toMatchObject({ backend: 'slurm', status: 'success' });
      expect(state.attempt?.scheduler.job_id).toBe(output.jobId);
      expect(fs.existsSync(path.join(artifactDir('SlowSquare'), '.gren', 'slurm', `${output.jobId}.err`))).toBe(true);
    });
  });

  describe('when _create throws in the job', () => {
    it('should record the failure with its error and fail the wait', async () => {
      const output = await client(['wait', 'FailingJob', 'broken on purpose']);

      expect(output.error).toBe('COMPUTE_FAILED');
      expect(output.message).toContain('broken on purpose');
      const state = stateOf('FailingJob');
      observe('failure', state.attempt);
      expect(state.result.status).toBe('failed');
      expect(state.attempt?.status === 'failed' && state.attempt.error).toMatchObject({
        type: 'RangeError',
        message: 'broken on purpose',
      });
    });
  });

  describe('when the job is cancelled with scancel', () => {
    it.each([
      ['', 'failed', 'failed'],
      ['1', 'preempted', 'incomplete'],
    ])(
      'should end the attempt from the scheduler state (GREN_CANCELLED_IS_PREEMPTED=%s)',
      async (flag, attemptStatus, resultStatus) => {
        const extra: Record<string, string> = flag ? { GREN_CANCELLED_IS_PREEMPTED: flag } : {};

        const output = await client(['scancel', 'SlowSquare', flag ? '12' : '11', '120000'], extra);

        expect(output.error).toBe('COMPUTE_FAILED');
        const state = stateOf('SlowSquare');
        observe(`scancel flag=${flag || '0'}`, state.attempt);
        expect(state.attempt?.status).toBe(attemptStatus);
        expect(state.attempt?.scheduler.scheduler_state).toMatch(/^CANCELLED/);
        expect(state.result.status).toBe(resultStatus);
      },
    );
  });

  describe('when a job on debug is preempted by one on urgent', () => {
    it('should requeue the victim, which finishes in a later attempt', async () => {
      const victim = startChild(
        'slurm-client.js',
        ['wait', 'SlowSquare', '21', '8000', JSON.stringify({ partition: 'debug', cpusPerTask: os.cpus().length })],
        env,
      );
      const victimDone = finished(victim);
      await waitForRunning('SlowSquare');
      const urgent = await client([
        'wait',
        'FailingJob',
        'urgent work',
        '0',
        JSON.stringify({ partition: 'urgent', cpusPerTask: os.cpus().length }),
      ]);
      expect(urgent.error).toBe('COMPUTE_FAILED');

      const output = JSON.parse((await victimDone).stdout.trim()) as Output;

      expect(output.value).toBe(441);
      const state = stateOf('SlowSquare');
      const events = readEvents(path.join(artifactDir('SlowSquare'), '.gren', 'events.jsonl'));
      observe('preempted victim', state.attempt);
      expect(state.attempt?.number).toBeGreaterThanOrEqual(2);
      expect(state.attempt?.scheduler.restart_count).toBeGreaterThanOrEqual(1);
      expect(events.some((event) => event.status === 'preempted' && event.reason === 'requeued')).toBe(true);
      expect(calls().filter((line) => line.endsWith('create 21')).length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('when the time limit approaches', () => {
    it('should call _onPreempt on the pre-timeout signal, requeue itself and resume', async () => {
      const options = { timeMin: 1, signalDelaySec: 55 };
      const output = await client(['wait', 'Checkpointed', '4', '600000', JSON.stringify(options)]);

      expect(output.value).toBe('done 4 after resume');
      const state = stateOf('Checkpointed');
      const events = readEvents(path.join(artifactDir('Checkpointed'), '.gren', 'events.jsonl'));
      observe('pre-timeout requeue', state.attempt);
      expect(calls().some((line) => line.includes('preempt checkpointed 4'))).toBe(true);
      expect(
        events.some((event) => event.status === 'preempted' && event.reason === 'requeued_before_time_limit'),
      ).toBe(true);
      expect(state.attempt).toMatchObject({ status: 'success', number: 2 });
      expect(state.attempt?.scheduler.restart_count).toBe(1);
    });
  });

  describe('when two processes submit the same config at once', () => {
    it('should submit one job and give both the value', async () => {
      const [a, b] = await Promise.all([
        client(['wait', 'SlowSquare', '7', '2000']),
        client(['wait', 'SlowSquare', '7', '2000']),
      ]);

      expect([a.value, b.value]).toEqual([49, 49]);
      expect(a.jobId).toBe(b.jobId);
      expect(calls().filter((line) => line.endsWith('create 7'))).toHaveLength(1);
      observe('two submitters', stateOf('SlowSquare').attempt);
    });
  });

  describe('when loadOrCreate({ executor }) is not awaited further', () => {
    it('should let a later plain loadOrCreate() wait for the queued job and load its result', async () => {
      const submitted = await client(['submit', 'SlowSquare', '9', '3000']);
      expect(stateOf('SlowSquare').attempt?.status).toBe('queued');

      const later = await client(['load', 'SlowSquare', '9', '3000']);

      expect(later.value).toBe(81);
      expect(calls().filter((line) => line.endsWith('create 9'))).toHaveLength(1);
      const state = stateOf('SlowSquare');
      observe('fire and forget', state.attempt);
      expect(state.attempt?.scheduler.job_id).toBe(submitted.jobId);
    });
  });
});

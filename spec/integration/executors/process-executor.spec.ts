import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readEvents } from '../../../lib/src/storage/read-events';
import { readState } from '../../../lib/src/storage/read-state';
import { runChild } from '../../support/child-process';

jest.setTimeout(120_000);

function calls(file: string): string[] {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
}

function onlyArtifact(store: string): string {
  const base = path.join(store, 'data', 'spec', 'children', 'SlowSquare');
  const [hash] = fs.readdirSync(base);
  return path.join(base, hash!);
}

describe('ProcessExecutor', () => {
  let store: string;
  let callsFile: string;
  let env: Record<string, string>;

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-exec-'));
    callsFile = path.join(store, 'calls.txt');
    env = { GREN_PATH: store, SPEC_CALLS_FILE: callsFile, GREN_POLL_INTERVAL_SECS: '0.3', GREN_IGNORE_DIFF: '1' };
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  describe('when loadOrCreate({ executor }) is awaited with job.wait()', () => {
    it('should run _create in a separate worker process and load the result', async () => {
      const result = await runChild('executor-client.js', ['submit-wait', '3', '200'], env);

      expect(result.stderr).toBe('');
      const output = JSON.parse(result.stdout) as { jobId: string; value: number; state: string };
      expect(output).toMatchObject({ value: 9, state: 'success' });
      const creates = calls(callsFile).filter((line) => line.endsWith('create 3'));
      expect(creates).toEqual([`${output.jobId} create 3`]);
      const dir = onlyArtifact(store);
      const state = readState(path.join(dir, '.gren', 'state.json'));
      expect(state.attempt).toMatchObject({ backend: 'process', status: 'success', number: 1 });
      expect(state.attempt?.scheduler.job_id).toBe(output.jobId);
      expect(readEvents(path.join(dir, '.gren', 'events.jsonl')).map((event) => event.type)).toEqual([
        'attempt_started',
        'attempt_running',
        'attempt_finished',
      ]);
    });
  });

  describe('when the executor is registered on the EXECUTOR token of a container', () => {
    it('should make a plain loadOrCreate() submit, wait and return the value', async () => {
      const result = await runChild('executor-client.js', ['via-di', '4', '50'], env);

      expect(JSON.parse(result.stdout)).toEqual({ value: 16 });
      const workerPid = calls(callsFile)
        .find((line) => line.endsWith('create 4'))
        ?.split(' ')[0];
      expect(workerPid).toBeDefined();
      expect(readState(path.join(onlyArtifact(store), '.gren', 'state.json')).attempt?.backend).toBe('process');
    });
  });

  describe('when the submitter exits right after submitting', () => {
    it('should let the worker finish and a later plain loadOrCreate() load the result', async () => {
      const submitted = JSON.parse(
        (await runChild('executor-client.js', ['submit-only', '5', '1500'], env)).stdout,
      ) as { state: string };
      expect(submitted.state).toMatch(/queued|running/);

      const later = await runChild('store-client.js', ['5'], env);

      expect((JSON.parse(later.stdout) as { results: number[] }).results).toEqual([25]);
      expect(calls(callsFile).filter((line) => line.endsWith('create 5'))).toHaveLength(1);
    });
  });

  describe('when two processes submit the same config at once', () => {
    it('should submit one job and give both the result', async () => {
      // The job runs 4 s: long enough that the second process, however slowly it starts on a
      // loaded machine, arrives while the job is queued or running (after it, nothing is
      // submitted at all and its job id is null).
      const [a, b] = await Promise.all([
        runChild('executor-client.js', ['submit-wait', '8', '4000'], env),
        runChild('executor-client.js', ['submit-wait', '8', '4000'], env),
      ]);

      const jobs = [a, b].map((result) => JSON.parse(result.stdout) as { jobId: string; value: number });
      expect(jobs.map((job) => job.value)).toEqual([64, 64]);
      expect(jobs[0]!.jobId).toBe(jobs[1]!.jobId);
      expect(calls(callsFile).filter((line) => line.endsWith('create 8'))).toHaveLength(1);
    });
  });

  describe('when the job is cancelled', () => {
    it('should record the attempt as cancelled and stop the worker', async () => {
      const result = JSON.parse((await runChild('executor-client.js', ['cancel', '9', '3000'], env)).stdout) as {
        state: string;
      };

      expect(result.state).toBe('cancelled');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const state = readState(path.join(onlyArtifact(store), '.gren', 'state.json'));
      expect(state.attempt).toMatchObject({ status: 'cancelled', reason: 'cancelled_by_user' });
      expect(state.result.status).toBe('incomplete');
    });
  });
});

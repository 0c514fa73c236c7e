import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually, finished, runChild, startChild } from '../../support/child-process';
import { readState } from '../../../lib/src/storage/read-state';
import { parseState } from '../../../lib/src/storage/parse-state';

jest.setTimeout(120_000);

function calls(file: string): string[] {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
}

function artifactDirs(store: string): string[] {
  const base = path.join(store, 'data', 'spec', 'children', 'SlowSquare');
  return fs.existsSync(base) ? fs.readdirSync(base).map((hash) => path.join(base, hash)) : [];
}

describe('loadOrCreate across processes', () => {
  let store: string;
  let callsFile: string;
  let env: Record<string, string>;

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-mp-'));
    callsFile = path.join(store, 'calls.txt');
    env = { GREN_PATH: store, SPEC_CALLS_FILE: callsFile, GREN_POLL_INTERVAL_SECS: '0.5', GREN_IGNORE_DIFF: '1' };
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  describe('when 8 processes race on one config', () => {
    it('should run _create exactly once and give all 8 the value', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => runChild('store-client.js', ['7', '500'], env)),
      );

      for (const result of results) {
        expect(result.stderr).toBe('');
        expect((JSON.parse(result.stdout) as { results: number[] }).results).toEqual([49]);
      }
      expect(calls(callsFile).filter((line) => line.endsWith('create 7'))).toHaveLength(1);
      const [dir] = artifactDirs(store);
      const events = fs
        .readFileSync(path.join(dir!, '.gren', 'events.jsonl'), 'utf8')
        .trim()
        .split('\n');
      expect(events.filter((line) => line.includes('attempt_started'))).toHaveLength(1);
    });
  });

  describe('when 4 processes each create 50 overlapping configs', () => {
    it('should create each config exactly once and leave every state.json valid', async () => {
      const orders = [0, 1, 2, 3].map((worker) => {
        const xs = Array.from({ length: 50 }, (_, i) => (i * 7 + worker * 13) % 60);
        return xs.join(',');
      });
      const results = await Promise.all(orders.map((xs) => runChild('store-client.js', [xs, '5'], env)));

      for (const [index, result] of results.entries()) {
        expect(result.stderr).toBe('');
        const xs = orders[index]!.split(',').map(Number);
        expect((JSON.parse(result.stdout) as { results: number[] }).results).toEqual(xs.map((x) => x * x));
      }
      const distinct = new Set(orders.flatMap((xs) => xs.split(',')));
      const creates = calls(callsFile).filter((line) => line.includes(' create '));
      expect(creates).toHaveLength(distinct.size);
      expect(new Set(creates.map((line) => line.split(' ')[2])).size).toBe(distinct.size);
      for (const dir of artifactDirs(store)) {
        const file = path.join(dir, '.gren', 'state.json');
        expect(parseState(JSON.parse(fs.readFileSync(file, 'utf8')), file).result.status).toBe('success');
      }
    });
  });

  describe('when the creating process is killed with SIGKILL mid-_create', () => {
    it('should let the next call see the dead pid, mark the attempt crashed and recompute', async () => {
      const startedFile = path.join(store, 'started');
      const victim = startChild('store-client.js', ['5', '60000'], { ...env, SPEC_STARTED_FILE: startedFile });
      const victimDone = finished(victim);
      await eventually(() => fs.existsSync(startedFile), 15_000, 'the victim to start _create');
      victim.kill('SIGKILL');
      await victimDone;

      const next = await runChild('store-client.js', ['5', '10'], env);

      expect(next.stderr).toBe('');
      expect((JSON.parse(next.stdout) as { results: number[] }).results).toEqual([25]);
      const [dir] = artifactDirs(store);
      const events = fs.readFileSync(path.join(dir!, '.gren', 'events.jsonl'), 'utf8');
      expect(events).toContain('"status": "crashed", "reason": "pid_dead"');
      expect(calls(callsFile).filter((line) => line.endsWith('create 5'))).toHaveLength(2);
      expect(readState(path.join(dir!, '.gren', 'state.json')).attempt?.number).toBe(2);
    });
  });

  describe('when the creating process receives SIGTERM', () => {
    it('should record the attempt as preempted, release the lock and exit 143', async () => {
      const startedFile = path.join(store, 'started');
      const victim = startChild('store-client.js', ['6', '60000'], { ...env, SPEC_STARTED_FILE: startedFile });
      const victimDone = finished(victim);
      await eventually(() => fs.existsSync(startedFile), 15_000, 'the victim to start _create');
      victim.kill('SIGTERM');
      const result = await victimDone;

      expect(result.code).toBe(143);
      const [dir] = artifactDirs(store);
      const state = readState(path.join(dir!, '.gren', 'state.json'));
      expect(state.result.status).toBe('incomplete');
      expect(state.attempt?.status).toBe('preempted');
      expect(state.attempt && 'error' in state.attempt ? state.attempt.error : undefined).toEqual({
        type: 'signal',
        message: 'signal:15',
        traceback: null,
      });
      expect(fs.existsSync(path.join(dir!, '.gren', '.compute.lock'))).toBe(false);

      const next = await runChild('store-client.js', ['6', '10'], env);
      expect((JSON.parse(next.stdout) as { results: number[] }).results).toEqual([36]);
    });
  });
});

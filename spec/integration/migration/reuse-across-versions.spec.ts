import * as fs from 'node:fs';
import * as path from 'node:path';
import { readEvents } from 'gren-ts';
import { finished, runChild, startChild, type ChildResult } from '../../support/child-process';
import { useTempStore } from '../../support/temp-store';

jest.setTimeout(90_000);

interface Loaded {
  value: string;
  dir: string;
  hash: string;
  /** What exists() said before loadOrCreate. */
  existed: boolean;
}

/**
 * A class computed by one version of the code (children/migration-v1.ts) and asked for by
 * the next (children/migration-v2.ts), each in its own process, on one real store.
 */
describe('loadOrCreate after a class changed with declared migrations', () => {
  const store = useTempStore('gren-migrations-');
  const callsFile = (): string => path.join(store(), 'calls.txt');
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    GREN_PATH: store(),
    SPEC_CALLS_FILE: callsFile(),
    GREN_POLL_INTERVAL_SECS: '0.1',
    ...extra,
  });
  const calls = (): string[] =>
    fs.existsSync(callsFile()) ? fs.readFileSync(callsFile(), 'utf8').trim().split('\n') : [];

  function parsed(result: ChildResult): Loaded {
    if (result.code !== 0) throw new Error(`child failed (${result.code}): ${result.stderr}`);
    return JSON.parse(result.stdout.trim()) as Loaded;
  }

  async function load(version: 'v1' | 'v2', className: string, init?: object): Promise<Loaded> {
    return parsed(
      await runChild('migration-client.js', [version, className, ...(init ? [JSON.stringify(init)] : [])], env()),
    );
  }

  const eventTypes = (dir: string): string[] =>
    readEvents(path.join(dir, '.gren', 'events.jsonl')).map((event) => String(event.type));
  const snapshot = (dir: string): Record<string, string> =>
    Object.fromEntries(
      fs
        .readdirSync(path.join(dir, '.gren'))
        .map((name) => [name, fs.readFileSync(path.join(dir, '.gren', name), 'utf8')]),
    );

  describe('when v2 added a field with a default (and renamed one, and removed one)', () => {
    it('should load the v1 result for the default config without calling _create, and leave the v1 artifact untouched', async () => {
      const v1 = await load('v1', 'Train');
      const before = snapshot(v1.dir);

      const v2 = await load('v2', 'Train');

      expect(v2.value).toBe(v1.value);
      expect(v2.hash).not.toBe(v1.hash);
      expect(v2.dir).toBe(v1.dir);
      expect(calls()).toEqual(['v1 Train lr=0.1 debug=false']);
      expect(snapshot(v1.dir)).toEqual(before);
      const ownDir = path.join(path.dirname(v1.dir), v2.hash);
      expect(eventTypes(ownDir)).toEqual(['attempt_started', 'result_reused', 'attempt_finished']);
      const reused = readEvents(path.join(ownDir, '.gren', 'events.jsonl')).find(
        (event) => event.type === 'result_reused',
      );
      expect(reused).toMatchObject({ from_namespace: 'spec.migration.Train', from_hash: v1.hash });
      const link = JSON.parse(fs.readFileSync(path.join(ownDir, '.gren', 'result-link.json'), 'utf8')) as {
        target: string;
        steps: string[];
      };
      expect(path.resolve(ownDir, link.target)).toBe(v1.dir);
      expect(link.steps).toEqual([
        "Train: addedField('seed', 0)",
        "Train: renamedField('lr', 'learningRate')",
        "Train: removedField('debug', false)",
      ]);
    });

    it('should load the reused result again from cache, without another reuse', async () => {
      await load('v1', 'Train');
      const first = await load('v2', 'Train');
      const second = await load('v2', 'Train');
      expect(second.value).toBe(first.value);
      expect([first.existed, second.existed]).toEqual([false, true]);
      const ownDir = path.join(path.dirname(first.dir), second.hash);
      expect(eventTypes(ownDir).filter((type) => type === 'result_reused')).toHaveLength(1);
    });

    it('should compute a config whose added field is not the default', async () => {
      await load('v1', 'Train');
      const v2 = await load('v2', 'Train', { seed: 5 });
      expect(v2.value).toMatch(/^v2 Train learningRate=0.1 seed=5 by /);
      expect(calls()).toEqual(['v1 Train lr=0.1 debug=false', 'v2 Train learningRate=0.1 seed=5']);
    });

    it('should map the renamed field with its value', async () => {
      const v1 = await load('v1', 'Train', { lr: 0.5 });
      const v2 = await load('v2', 'Train', { learningRate: 0.5 });
      expect(v2.value).toBe(v1.value);
      expect(calls()).toHaveLength(1);
    });

    it('should not reuse a v1 result whose removed field had another value than the declared one', async () => {
      await load('v1', 'Train', { debug: true });
      const v2 = await load('v2', 'Train');
      expect(v2.value).toMatch(/^v2 Train /);
      expect(calls()).toEqual(['v1 Train lr=0.1 debug=true', 'v2 Train learningRate=0.1 seed=0']);
    });

    it('should recompute into its own folder once the reused artifact is gone', async () => {
      const v1 = await load('v1', 'Train');
      await load('v2', 'Train');
      fs.rmSync(v1.dir, { recursive: true });
      const again = await load('v2', 'Train');
      expect(again.existed).toBe(false);
      expect(again.value).toMatch(/^v2 Train /);
      expect(again.dir).toBe(path.join(path.dirname(v1.dir), again.hash));
      expect(fs.existsSync(path.join(again.dir, '.gren', 'result-link.json'))).toBe(false);
      expect(eventTypes(again.dir)).toContain('result_invalidated');
    });
  });

  describe('when v2 moved the class to another namespace', () => {
    it('should load the result stored under the old namespace', async () => {
      const v1 = await load('v1', 'Mover');
      const v2 = await load('v2', 'Mover');
      expect(v2.value).toBe(v1.value);
      expect(v1.dir).toContain(path.join('spec', 'migration', 'old_home', 'Mover'));
      expect(calls()).toEqual(['v1 Mover size=3']);
    });
  });

  describe('when an unchanged class nests a migrated one', () => {
    it('should map the parent through its child and load its result', async () => {
      const v1 = await load('v1', 'Pipeline');
      const v2 = await load('v2', 'Pipeline');
      expect(v2.value).toBe(v1.value);
      expect(v2.hash).not.toBe(v1.hash);
      expect(calls()).toEqual(['v1 Pipeline p']);
    });
  });

  describe('when the migrated config is submitted to a worker process', () => {
    it('should have the worker reuse the v1 result instead of computing', async () => {
      const v1 = await load('v1', 'Train');
      const v2 = parsed(await runChild('migration-client.js', ['v2', 'Train'], env({ SPEC_EXECUTOR: 'process' })));
      expect(v2.value).toBe(v1.value);
      expect(calls()).toEqual(['v1 Train lr=0.1 debug=false']);
      expect(eventTypes(path.join(path.dirname(v1.dir), v2.hash))).toContain('result_reused');
    });
  });

  describe('when two processes ask for the same migrated config at once', () => {
    it('should reuse once: one result_reused event, both processes get the v1 result', async () => {
      const v1 = await load('v1', 'Train');
      const racers = [0, 1].map(() => finished(startChild('migration-client.js', ['v2', 'Train'], env())));
      const results = (await Promise.all(racers)).map(parsed);
      expect(results.map((result) => result.value)).toEqual([v1.value, v1.value]);
      const ownDir = path.join(path.dirname(v1.dir), results[0]?.hash ?? '');
      const types = eventTypes(ownDir);
      expect(types.filter((type) => type === 'result_reused')).toHaveLength(1);
      expect(types.filter((type) => type === 'attempt_started')).toHaveLength(1);
      expect(calls()).toEqual(['v1 Train lr=0.1 debug=false']);
    });
  });
});

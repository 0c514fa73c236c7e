import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseState } from '../../../lib/src/storage/parse-state';
import { successStates } from '../../../lib/src/storage/success-state-cache';
import { runChild } from '../../support/child-process';
import { useTempStore } from '../../support/temp-store';
import { SlowSquare } from '../children/pipelines';

jest.setTimeout(60_000);

/** Longer than the success-state cache's racy window (2 s). */
const SETTLE_MS = 2100;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function attemptIdOnDisk(stateFile: string): string | undefined {
  return parseState(JSON.parse(fs.readFileSync(stateFile, 'utf8')), stateFile).attempt?.id;
}

describe('cache hits on a success kept in memory', () => {
  const store = useTempStore('gren-settled-');
  let callsFile = '';
  let env: Record<string, string> = {};

  beforeEach(() => {
    callsFile = path.join(store(), 'calls.txt');
    process.env.SPEC_CALLS_FILE = callsFile;
    env = { GREN_PATH: store(), SPEC_CALLS_FILE: callsFile, GREN_IGNORE_DIFF: '1' };
    successStates.clear();
  });

  afterEach(() => {
    delete process.env.SPEC_CALLS_FILE;
  });

  function creations(): string[] {
    return fs
      .readFileSync(callsFile, 'utf8')
      .split('\n')
      .filter((line) => line.endsWith('create 5'));
  }

  describe('when another process recomputes the result, then it is deleted', () => {
    it('should follow every change instead of answering from memory', async () => {
      expect((await runChild('store-client.js', ['5', '10'], env)).stdout).toContain('[25]');
      await sleep(SETTLE_MS);
      const square = new SlowSquare({ x: 5, sleepMs: 10 });
      const stateFile = path.join(square.grenDir, '.gren', 'state.json');

      expect(await square.exists()).toBe(true);
      expect(await square.loadOrCreate()).toBe(25);
      expect(successStates.size).toBe(1);
      const firstAttempt = attemptIdOnDisk(stateFile);

      const recompute = await runChild('store-client.js', ['5', '10'], { ...env, GREN_FORCE_RECOMPUTE: 'SlowSquare' });
      expect(recompute.stdout).toContain('[25]');
      expect(creations()).toHaveLength(2);
      const secondAttempt = attemptIdOnDisk(stateFile);
      expect(secondAttempt).not.toBe(firstAttempt);

      expect(await square.loadOrCreate()).toBe(25);
      expect(successStates.read(stateFile).attempt?.id).toBe(secondAttempt);

      fs.rmSync(square.grenDir, { recursive: true });
      expect(await square.exists()).toBe(false);
      expect(await square.loadOrCreate()).toBe(25);
      expect(creations()).toHaveLength(3);
    });
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Gren, GrenComputeError, GrenObject, MISSING, readEvents, readState } from 'gren-ts';
import { useTempStore } from '../../support/temp-store';

const calls: string[] = [];

@Gren({ namespace: 'spec.store.Counter' })
class Counter extends GrenObject<number, Counter> {
  @Field() start: number = 0;

  protected _create(): number {
    calls.push(`create ${this.start}`);
    fs.writeFileSync(path.join(this.grenDir, 'value.txt'), String(this.start + 1));
    return this.start + 1;
  }

  protected _load(): number {
    calls.push(`load ${this.start}`);
    return Number(fs.readFileSync(path.join(this.grenDir, 'value.txt'), 'utf8'));
  }
}

@Gren({ namespace: 'spec.store.Exploding' })
class Exploding extends GrenObject<number, Exploding> {
  @Field() message: string = MISSING;

  protected _create(): number {
    throw new RangeError(this.message);
  }

  protected _load(): number {
    return 0;
  }
}

describe('GrenObject.loadOrCreate', () => {
  const store = useTempStore();

  beforeEach(() => {
    calls.length = 0;
  });

  describe('when nothing is cached', () => {
    it('should create once, then load without writing anything', async () => {
      const counter = new Counter({ start: 41 });

      await expect(counter.loadOrCreate()).resolves.toBe(42);
      const stateFile = path.join(counter.grenDir, '.gren', 'state.json');
      const before = fs.statSync(stateFile).mtimeMs;
      const stateText = fs.readFileSync(stateFile, 'utf8');
      await expect(new Counter({ start: 41 }).loadOrCreate()).resolves.toBe(42);

      expect(calls).toEqual(['create 41', 'load 41']);
      expect(fs.readFileSync(stateFile, 'utf8')).toBe(stateText);
      expect(fs.statSync(stateFile).mtimeMs).toBe(before);
      expect(readState(stateFile).result.status).toBe('success');
      expect(
        readEvents(path.join(counter.grenDir, '.gren', 'events.jsonl')).map((e) => `${e.type}:${String(e.status)}`),
      ).toEqual(['attempt_started:running', 'attempt_finished:success']);
      expect(fs.existsSync(path.join(counter.grenDir, '.gren', 'SUCCESS.json'))).toBe(true);
      expect(fs.existsSync(path.join(counter.grenDir, '.gren', '.compute.lock'))).toBe(false);
      expect(counter.grenDir.startsWith(path.join(store(), 'data', 'spec', 'store', 'Counter'))).toBe(true);
    });
  });

  describe('when _create throws', () => {
    it('should record the failure and throw GrenComputeError with the cause', async () => {
      const exploding = new Exploding({ message: 'boom' });

      const error = (await exploding.loadOrCreate().catch((e: unknown) => e)) as GrenComputeError;

      expect(error).toBeInstanceOf(GrenComputeError);
      expect(error.message).toContain('Computation failed: boom');
      expect(error.cause).toBeInstanceOf(RangeError);
      expect(error.statePath).toBe(path.join(exploding.grenDir, '.gren', 'state.json'));
      const state = readState(error.statePath);
      expect(state.result.status).toBe('failed');
      expect(state.attempt?.status).toBe('failed');
      if (state.attempt?.status === 'failed') {
        expect(state.attempt.error.type).toBe('RangeError');
        expect(state.attempt.error.traceback).toContain('RangeError: boom');
      }
    });
  });
});

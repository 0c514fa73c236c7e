import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, GREN_CONFIG, Gren, GrenObject, MISSING, readEvents } from 'gren-ts';
import { resetForceRecompute } from '../../../lib/src/runtime/force-recompute';
import { useTempStore } from '../../support/temp-store';

const log: string[] = [];
let verdict: () => boolean = () => true;

abstract class Recorded<Self> extends GrenObject<string, Self> {
  protected _create(): string {
    const marker = path.join(this.grenDir, '.gren', 'SUCCESS.json');
    log.push(`create ${this.constructor.name} marker=${fs.existsSync(marker)}`);
    return 'value';
  }

  protected _load(): string {
    log.push(`load ${this.constructor.name}`);
    return 'value';
  }
}

@Gren({ namespace: 'spec.store.invalidation.Checked' })
class Checked extends Recorded<Checked> {
  @Field() n: number = MISSING;

  protected override _validate(): boolean {
    return verdict();
  }
}

/** A gren base class: GREN_FORCE_RECOMPUTE may name it to reach its subclasses. */
@Gren({ namespace: 'spec.store.invalidation.ModelBase' })
class ModelBase<Self = ModelBase<never>> extends Recorded<Self> {
  @Field() n: number = 0;
}

@Gren({ namespace: 'spec.store.invalidation.Trainer' })
class Trainer extends ModelBase<Trainer> {
  @Field() epochs: number = 1;
}

@Gren({ namespace: 'spec.store.invalidation.Untouched' })
class Untouched extends Recorded<Untouched> {
  @Field() n: number = 0;
}

function invalidations(object: GrenObject): unknown[] {
  return readEvents(path.join(object.grenDir, '.gren', 'events.jsonl'))
    .filter((event) => event.type === 'result_invalidated')
    .map((event) => ({ reason: event.reason, at: event.at }));
}

function eventTypes(object: GrenObject): string[] {
  return readEvents(path.join(object.grenDir, '.gren', 'events.jsonl')).map((event) => event.type);
}

describe('loadOrCreate and stored results that must not be used', () => {
  useTempStore('gren-invalidation-');

  beforeEach(() => {
    log.length = 0;
    verdict = () => true;
    GREN_CONFIG.ignoreDiff = true;
  });

  describe('when _validate returns false', () => {
    it('should record result_invalidated with the reason, remove SUCCESS.json and recompute', async () => {
      await new Checked({ n: 1 }).loadOrCreate();
      verdict = () => false;

      await new Checked({ n: 1 }).loadOrCreate();

      expect(log).toEqual(['create Checked marker=false', 'create Checked marker=false']);
      expect(invalidations(new Checked({ n: 1 }))).toEqual([
        { reason: '_validate returned false', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/) },
      ]);
      expect(eventTypes(new Checked({ n: 1 }))).toEqual([
        'attempt_started',
        'attempt_finished',
        'result_invalidated',
        'attempt_started',
        'attempt_finished',
      ]);
      expect(fs.existsSync(path.join(new Checked({ n: 1 }).grenDir, '.gren', 'SUCCESS.json'))).toBe(true);
    });
  });

  describe('when _validate throws', () => {
    it('should invalidate with the error type and message as the reason and recompute', async () => {
      await new Checked({ n: 2 }).loadOrCreate();
      verdict = () => {
        throw new TypeError('output file is truncated');
      };

      await expect(new Checked({ n: 2 }).loadOrCreate()).resolves.toBe('value');

      expect(log).toEqual(['create Checked marker=false', 'create Checked marker=false']);
      expect(invalidations(new Checked({ n: 2 }))).toEqual([
        { reason: '_validate raised TypeError: output file is truncated', at: expect.any(String) },
      ]);
    });
  });

  describe('when GREN_FORCE_RECOMPUTE names the class', () => {
    it('should recompute a result of an earlier run once per process and artifact, then load', async () => {
      await new Checked({ n: 3 }).loadOrCreate();
      resetForceRecompute(); // what follows runs as a new process would
      GREN_CONFIG.forceRecompute = new Set(['spec.store.invalidation.Checked']);

      await new Checked({ n: 3 }).loadOrCreate();
      await new Checked({ n: 3 }).loadOrCreate();

      expect(log).toEqual(['create Checked marker=false', 'create Checked marker=false', 'load Checked']);
      expect(invalidations(new Checked({ n: 3 }))).toEqual([
        { reason: 'force_recompute enabled', at: expect.any(String) },
      ]);
    });
  });

  describe('when GREN_FORCE_RECOMPUTE names a class this process creates (regression)', () => {
    it('should run _create once: a result computed by this process is already fresh', async () => {
      GREN_CONFIG.forceRecompute = new Set(['spec.store.invalidation.Checked']);

      await new Checked({ n: 9 }).loadOrCreate();
      await new Checked({ n: 9 }).loadOrCreate();
      await new Checked({ n: 9 }).loadOrCreate();

      expect(log).toEqual(['create Checked marker=false', 'load Checked', 'load Checked']);
      expect(invalidations(new Checked({ n: 9 }))).toEqual([]);
    });
  });

  describe('when GREN_FORCE_RECOMPUTE names a gren base class', () => {
    it.each([
      ['its class name', 'ModelBase'],
      ['its namespace', 'spec.store.invalidation.ModelBase'],
    ])('should recompute subclasses matched by %s', async (_how, name) => {
      await new Trainer({ epochs: 5 }).loadOrCreate();
      await new Untouched({ n: 5 }).loadOrCreate();
      resetForceRecompute();
      GREN_CONFIG.forceRecompute = new Set([name]);

      await new Trainer({ epochs: 5 }).loadOrCreate();
      await new Untouched({ n: 5 }).loadOrCreate();
      await new Trainer({ epochs: 5 }).loadOrCreate();

      expect(log).toEqual([
        'create Trainer marker=false',
        'create Untouched marker=false',
        'create Trainer marker=false',
        'load Untouched',
        'load Trainer',
      ]);
    });
  });
});

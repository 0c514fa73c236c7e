import { Field, Gren, GrenError, GrenList, GrenObject, MISSING, planAll, runAll } from 'gren-ts';
import { useTempStore } from '../../support/temp-store';

/** runAll in this process (LocalExecutor) on a real temp store: planning, order, failures. */
const created: string[] = [];

@Gren({ namespace: 'spec.sweep.local.Source' })
class Source extends GrenObject<number, Source> {
  @Field() x: number = MISSING;
  protected _create(): number {
    created.push(`source ${this.x}`);
    return this.x;
  }
  protected _load(): number {
    return this.x;
  }
}

@Gren({ namespace: 'spec.sweep.local.Square' })
class Square extends GrenObject<number, Square> {
  @Field(() => Source) source: Source = MISSING;
  @Field() fail: boolean = false;
  protected async _create(): Promise<number> {
    const x = await this.source.loadOrCreate();
    created.push(`square ${x}`);
    if (this.fail) throw new RangeError(`square ${x} refuses`);
    return x * x;
  }
  protected _load(): number {
    return 0;
  }
}

@Gren({ namespace: 'spec.sweep.local.Sum' })
class Sum extends GrenObject<number, Sum> {
  @Field(() => [Square]) parts: Square[] = [];
  protected _create(): number {
    created.push(`sum ${this.parts.length}`);
    return 0;
  }
  protected _load(): number {
    return 0;
  }
}

const square = (x: number, fail = false): Square => new Square({ source: new Source({ x }), fail });

class Grid extends GrenList {
  static readonly squares = [square(1), square(2)];
  static readonly total = new Sum({ parts: [square(1), square(2)] });
}

describe('runAll in this process', () => {
  useTempStore('gren-sweep-local-');
  beforeEach(() => (created.length = 0));

  describe('when configs are listed twice and share dependencies', () => {
    it('should plan each artifact once, in levels, and compute each once in dependency order', async () => {
      const configs = [square(1), square(1), square(2), new Sum({ parts: [square(1), square(2)] })];

      const plan = await planAll(configs);
      const report = await runAll(configs).wait();

      expect(plan.levels.map((level) => level.map((config) => config.className))).toEqual([
        ['Source', 'Source'],
        ['Square', 'Square'],
        ['Sum'],
      ]);
      expect(report).toMatchObject({ ok: true, total: 5, done: 5, cached: 0 });
      expect(created).toEqual(['source 1', 'square 1', 'source 2', 'square 2', 'sum 2']);
    });
  });

  describe('when given a GrenList class', () => {
    it('should run its entries, and find them cached the second time', async () => {
      const first = await runAll(Grid).wait();
      const second = await runAll(Grid).wait();

      expect(first).toMatchObject({ done: 5, cached: 0 });
      expect(second).toMatchObject({ done: 0, cached: 3, total: 3 });
      expect((await planAll(Grid)).levels).toEqual([]);
    });
  });

  describe('when a config fails', () => {
    it('should skip what depends on it, name the failure, and still compute the independent ones', async () => {
      const failing = square(3, true);
      const sweep = runAll([new Sum({ parts: [failing, square(4)] }), square(5)], { maxRunning: 2 });

      const report = await sweep.wait();

      expect(report).toMatchObject({ ok: false, failed: 1, skipped: 1, done: 5 });
      expect(await sweep.entry(failing)).toMatchObject({ status: 'failed', level: 1 });
      expect((await sweep.entry(failing))?.message).toContain('square 3 refuses');
      const sum = report.entries.find((entry) => entry.className === 'Sum');
      expect(sum).toMatchObject({ status: 'skipped', requested: true });
      expect(sum?.message).toBe(`dependency Square ${failing.grenHash} failed (failed: square 3 refuses)`);
    });
  });

  describe('when the input is not a list of configs', () => {
    it('should name the entry and what is expected', () => {
      expect(() => runAll([square(1), 'x' as never])).toThrow(GrenError);
      expect(() => runAll([square(1), 'x' as never])).toThrow(/entry 1 is "x", not a GrenObject/);
      expect(() => runAll(42 as never)).toThrow(
        /needs an array, a GrenList class or an iterable of gren configs; got 42/,
      );
      expect(() => runAll([], { maxRunning: 0 })).toThrow(/maxRunning must be a whole number ≥ 1; got 0/);
    });
  });
});

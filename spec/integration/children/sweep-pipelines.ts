import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Gren, GrenObject, MISSING } from 'gren-ts';
import { recordCall } from './pipelines';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function writeValue(dir: string, value: number): void {
  fs.writeFileSync(path.join(dir, 'value.json'), JSON.stringify(value));
}

function readValue(dir: string): number {
  return JSON.parse(fs.readFileSync(path.join(dir, 'value.json'), 'utf8')) as number;
}

/** Level 0 of the test sweeps: x, after `sleepMs`. */
@Gren({ namespace: 'spec.sweep.Leaf' })
export class Leaf extends GrenObject<number, Leaf> {
  @Field() x: number = MISSING;
  @Field({ hash: false }) sleepMs: number = 0;

  protected async _create(): Promise<number> {
    recordCall(`create leaf ${this.x}`);
    await sleep(this.sleepMs);
    writeValue(this.grenDir, this.x);
    return this.x;
  }

  protected _load(): number {
    return readValue(this.grenDir);
  }
}

/** Level 1: twice its leaf; fails while SPEC_FAIL_X names its leaf's x. */
@Gren({ namespace: 'spec.sweep.Double' })
export class Double extends GrenObject<number, Double> {
  @Field(() => Leaf) leaf: Leaf = MISSING;

  protected async _create(): Promise<number> {
    const x = await this.leaf.loadOrCreate();
    recordCall(`create double ${x}`);
    if (process.env.SPEC_FAIL_X === String(x)) throw new RangeError(`double ${x} fails on purpose`);
    writeValue(this.grenDir, 2 * x);
    return 2 * x;
  }

  protected _load(): number {
    return readValue(this.grenDir);
  }
}

/** Level 2: the sum of its doubles. */
@Gren({ namespace: 'spec.sweep.Total' })
export class Total extends GrenObject<number, Total> {
  @Field() name: string = MISSING;
  @Field(() => [Double]) parts: Double[] = [];

  protected async _create(): Promise<number> {
    let sum = 0;
    for (const part of this.parts) sum += await part.loadOrCreate();
    recordCall(`create total ${this.name}`);
    writeValue(this.grenDir, sum);
    return sum;
  }

  protected _load(): number {
    return readValue(this.grenDir);
  }
}

/** Busy for `ms` of CPU (for the pool benchmark and tests). */
@Gren({ namespace: 'spec.sweep.Burn' })
export class Burn extends GrenObject<number, Burn> {
  @Field() i: number = MISSING;
  @Field({ hash: false }) ms: number = 500;

  protected _create(): number {
    recordCall(`create burn ${this.i}`);
    const until = Date.now() + this.ms;
    let spins = 0;
    while (Date.now() < until) spins += 1;
    writeValue(this.grenDir, spins > 0 ? this.i : -1);
    return this.i;
  }

  protected _load(): number {
    return readValue(this.grenDir);
  }
}

/**
 * Three levels: leaves 1..n, a Double of each, and totals over pairs of doubles (pair k =
 * doubles 2k-1 and 2k). `leafMs` slows the leaves down.
 */
export function threeLevels(n = 4, leafMs = 0): Total[] {
  const doubles = Array.from(
    { length: n },
    (_unused, index) => new Double({ leaf: new Leaf({ x: index + 1, sleepMs: leafMs }) }),
  );
  const totals: Total[] = [];
  for (let k = 0; k < n; k += 2) totals.push(new Total({ name: `pair${k / 2 + 1}`, parts: doubles.slice(k, k + 2) }));
  return totals;
}

/** `gren run <this module> sweep`: the three-level sweep, size from SPEC_SWEEP_N (default 4). */
export function sweep(): Total[] {
  return threeLevels(Number(process.env.SPEC_SWEEP_N ?? 4), Number(process.env.SPEC_LEAF_MS ?? 0));
}

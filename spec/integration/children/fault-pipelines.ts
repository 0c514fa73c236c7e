import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Gren, GrenObject, MISSING } from 'gren-ts';
import { recordCall } from './pipelines';

/** Where fault-client.js stops to be SIGKILLed (see there). */
export type KillPoint = 'none' | 'after-attempt' | 'after-metadata' | 'after-create' | 'after-marker';

/** This process's kill point, and whether `_create` has returned its value yet. */
export const faultRun = { killPoint: 'none' as KillPoint, createReturned: false };

/**
 * At this process's kill point: writes `<pid>` to SPEC_KILL_READY and blocks synchronously
 * (no timer, heartbeat or signal handler runs) until the test SIGKILLs the process.
 */
export function stopHere(point: KillPoint): void {
  if (point !== faultRun.killPoint) return;
  fs.writeFileSync(process.env.SPEC_KILL_READY ?? '/dev/null', String(process.pid));
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 60_000);
}

/** Writes x * 10 to value.json; stops at `after-metadata` first thing (metadata.json is written by then). */
@Gren({ namespace: 'spec.faults.Faulty' })
export class Faulty extends GrenObject<number, Faulty> {
  @Field() x: number = MISSING;

  protected _create(): number {
    stopHere('after-metadata');
    recordCall(`create ${this.x}`);
    fs.writeFileSync(path.join(this.grenDir, 'value.json'), JSON.stringify(this.x * 10));
    faultRun.createReturned = true;
    return this.x * 10;
  }

  protected _load(): number {
    recordCall(`load ${this.x}`);
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'value.json'), 'utf8')) as number;
  }
}

import * as fs from 'node:fs';
import { Field, Gren, GrenObject, MISSING } from 'gren-ts';
import { recordCall } from './pipelines';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A computation that takes `sleepMs` and then fails with `message` (the other side of a wait). */
@Gren({ namespace: 'spec.children.SlowFailure' })
export class SlowFailure extends GrenObject<number, SlowFailure> {
  @Field() message: string = MISSING;
  @Field({ hash: false }) sleepMs: number = 200;

  protected async _create(): Promise<number> {
    recordCall(`create ${this.message}`);
    const started = process.env.SPEC_STARTED_FILE;
    if (started) fs.writeFileSync(started, String(process.pid));
    await sleep(this.sleepMs);
    throw new Error(this.message);
  }

  protected _load(): number {
    recordCall(`load ${this.message}`);
    return 0;
  }
}

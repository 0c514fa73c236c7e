import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Gren, GrenObject, MISSING } from 'gren-ts';

/** Appends "<pid> <what>" to the file named by SPEC_CALLS_FILE, so tests can count calls across processes. */
export function recordCall(what: string): void {
  const file = process.env.SPEC_CALLS_FILE;
  if (file) fs.appendFileSync(file, `${process.pid} ${what}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A computation that takes `sleepMs` and writes its value to the artifact folder. */
@Gren({ namespace: 'spec.children.SlowSquare' })
export class SlowSquare extends GrenObject<number, SlowSquare> {
  @Field() x: number = MISSING;
  @Field({ hash: false }) sleepMs: number = 200;

  protected async _create(): Promise<number> {
    recordCall(`create ${this.x}`);
    const started = process.env.SPEC_STARTED_FILE;
    if (started) fs.writeFileSync(started, String(process.pid));
    await sleep(this.sleepMs);
    fs.writeFileSync(path.join(this.grenDir, 'value.json'), JSON.stringify(this.x * this.x));
    return this.x * this.x;
  }

  protected _load(): number {
    recordCall(`load ${this.x}`);
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'value.json'), 'utf8')) as number;
  }
}

/** Always fails with its message. */
@Gren({ namespace: 'spec.children.FailingJob' })
export class FailingJob extends GrenObject<number, FailingJob> {
  @Field() message: string = MISSING;

  protected _create(): number {
    recordCall(`create failing ${this.message}`);
    throw new RangeError(this.message);
  }

  protected _load(): number {
    return 0;
  }
}

/**
 * Works for `workMs` unless an earlier attempt left a checkpoint: `_onPreempt` writes one,
 * so a run stopped before its time limit finishes quickly after the requeue.
 */
@Gren({ namespace: 'spec.children.Checkpointed' })
export class Checkpointed extends GrenObject<string, Checkpointed> {
  @Field() x: number = MISSING;
  @Field({ hash: false }) workMs: number = 120_000;

  protected async _create(): Promise<string> {
    const checkpoint = path.join(this.grenDir, 'checkpoint.txt');
    const resumed = fs.existsSync(checkpoint);
    recordCall(
      `create checkpointed ${this.x} resumed=${String(resumed)} restart=${process.env.SLURM_RESTART_COUNT ?? '0'}`,
    );
    if (!resumed) await sleep(this.workMs);
    const value = `done ${this.x} after ${resumed ? 'resume' : 'full run'}`;
    fs.writeFileSync(path.join(this.grenDir, 'value.txt'), value);
    return value;
  }

  protected override _onPreempt(): void {
    recordCall(`preempt checkpointed ${this.x}`);
    fs.writeFileSync(path.join(this.grenDir, 'checkpoint.txt'), 'halfway');
  }

  protected _load(): string {
    return fs.readFileSync(path.join(this.grenDir, 'value.txt'), 'utf8');
  }
}

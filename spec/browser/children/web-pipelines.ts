import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Float, Gren, GrenObject, MISSING } from 'gren-ts';

/**
 * The pipeline the browser suite's store is written with: a dependency chain
 * (Dataset → Train → Evaluate), a dependency inside an array (Ensemble.members), a
 * version-controlled artifact (Report, under git/), a failure (Explode), a computation that
 * stays running until it is killed (LongRun) and one that is only ever queued (Parked).
 */

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

@Gren({ namespace: 'webspec.data.Dataset' })
export class Dataset extends GrenObject<number, Dataset> {
  @Field() name: string = MISSING;
  @Field() rows: number = 100;

  protected _create(): number {
    this.log(`prepared ${this.rows} rows of ${this.name}`);
    fs.writeFileSync(path.join(this.grenDir, 'rows.json'), JSON.stringify(this.rows));
    return this.rows;
  }

  protected _load(): number {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'rows.json'), 'utf8')) as number;
  }
}

@Gren({ namespace: 'webspec.train.Train' })
export class Train extends GrenObject<number, Train> {
  @Field(() => Dataset) dataset: Dataset = MISSING;
  @Field({ type: Float }) lr: number = 0.01;
  @Field() epochs: number = 3;
  @Field() optimizer: string = 'sgd';

  protected async _create(): Promise<number> {
    const rows = await this.dataset.loadOrCreate();
    let loss = 1;
    for (let epoch = 1; epoch <= this.epochs; epoch += 1) {
      loss = loss * (1 - this.lr);
      this.log(`epoch ${epoch}/${this.epochs} loss=${loss.toFixed(4)} rows=${rows}`);
    }
    fs.writeFileSync(path.join(this.grenDir, 'loss.json'), JSON.stringify(loss));
    return loss;
  }

  protected _load(): number {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'loss.json'), 'utf8')) as number;
  }
}

@Gren({ namespace: 'webspec.train.Evaluate' })
export class Evaluate extends GrenObject<number, Evaluate> {
  @Field(() => Train) train: Train = MISSING;
  @Field() split: string = 'test';

  protected async _create(): Promise<number> {
    const accuracy = 1 - (await this.train.loadOrCreate());
    this.log(`evaluated on ${this.split}: accuracy=${accuracy.toFixed(3)}`);
    fs.writeFileSync(path.join(this.grenDir, 'accuracy.json'), JSON.stringify(accuracy));
    return accuracy;
  }

  protected _load(): number {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'accuracy.json'), 'utf8')) as number;
  }
}

@Gren({ namespace: 'webspec.train.Ensemble' })
export class Ensemble extends GrenObject<number, Ensemble> {
  @Field(() => [Train]) members: Train[] = [];
  @Field() vote: string = 'soft';

  protected async _create(): Promise<number> {
    let total = 0;
    for (const member of this.members) total += await member.loadOrCreate();
    const mean = total / Math.max(1, this.members.length);
    this.log(`ensemble of ${this.members.length} members: mean loss=${mean.toFixed(4)}`);
    fs.writeFileSync(path.join(this.grenDir, 'mean.json'), JSON.stringify(mean));
    return mean;
  }

  protected _load(): number {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'mean.json'), 'utf8')) as number;
  }
}

@Gren({ namespace: 'webspec.reports.Report', versionControlled: true })
export class Report extends GrenObject<string, Report> {
  @Field() title: string = MISSING;

  protected _create(): string {
    this.log(`report "${this.title}" written`);
    return this.title;
  }

  protected _load(): string {
    return this.title;
  }
}

@Gren({ namespace: 'webspec.jobs.Explode' })
export class Explode extends GrenObject<number, Explode> {
  @Field() step: number = 7;

  protected _create(): number {
    this.log(`about to fail at step ${this.step}`);
    throw new RangeError(`loss diverged at step ${this.step}`);
  }

  protected _load(): number {
    return 0;
  }
}

/**
 * Runs until its process is killed. Writes READY_FILE once running, then turns every line
 * written to SAY_FILE into a log line of its own (the file is removed once read), so a test
 * can make the running artifact log on demand.
 */
@Gren({ namespace: 'webspec.jobs.LongRun' })
export class LongRun extends GrenObject<number, LongRun> {
  @Field() label: string = MISSING;

  protected async _create(): Promise<number> {
    this.log(`long run ${this.label} started`);
    const ready = process.env.READY_FILE;
    const say = process.env.SAY_FILE;
    if (ready) fs.writeFileSync(ready, String(process.pid));
    for (;;) {
      if (say && fs.existsSync(say)) {
        const text = fs.readFileSync(say, 'utf8');
        fs.rmSync(say);
        for (const line of text.split('\n').filter((item) => item.trim() !== '')) this.log(line);
      }
      await sleep(100);
    }
  }

  protected _load(): number {
    return 0;
  }
}

/** Only ever submitted to an executor that never runs it: its attempt stays queued. */
@Gren({ namespace: 'webspec.jobs.Parked' })
export class Parked extends GrenObject<number, Parked> {
  @Field() label: string = MISSING;

  protected _create(): number {
    return 0;
  }

  protected _load(): number {
    return 0;
  }
}

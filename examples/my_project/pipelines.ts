import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Float, Gren, GrenObject, getLogger } from 'gren-ts';

const log = getLogger('examples.my_project');

/** Downloads (here: generates) a dataset and stores it as JSON lines. */
@Gren()
export class PrepareDataset extends GrenObject<number[], PrepareDataset> {
  @Field() name: string = 'toy';
  @Field() size: number = 100;

  protected _create(): number[] {
    log.info(`preparing ${this.size} rows of ${this.name}`);
    const rows = Array.from({ length: this.size }, (_, i) => Math.sin(i + this.name.length));
    fs.writeFileSync(path.join(this.grenDir, 'rows.json'), JSON.stringify(rows));
    return rows;
  }

  protected _load(): number[] {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'rows.json'), 'utf8')) as number[];
  }
}

/** "Trains" a one-parameter model on a dataset: a nested pipeline step. */
@Gren()
export class TrainModel extends GrenObject<{ weight: number; loss: number }, TrainModel> {
  @Field(() => PrepareDataset) dataset: PrepareDataset = new PrepareDataset();
  @Field({ type: Float }) lr: number = 1e-3;
  @Field() steps: number = 1000;

  protected async _create(): Promise<{ weight: number; loss: number }> {
    const rows = await this.dataset.loadOrCreate();
    let weight = 0;
    for (let step = 0; step < this.steps; step++) {
      const gradient = rows.reduce((sum, x) => sum + 2 * (weight * x - x) * x, 0) / rows.length;
      weight -= this.lr * gradient;
    }
    const loss = rows.reduce((sum, x) => sum + (weight * x - x) ** 2, 0) / rows.length;
    this.log(`trained: weight=${weight.toFixed(4)} loss=${loss.toFixed(6)}`);
    const model = { weight, loss };
    fs.writeFileSync(path.join(this.grenDir, 'model.json'), JSON.stringify(model));
    // Top-level scalars of metrics.json show as result columns in the dashboard.
    fs.writeFileSync(path.join(this.grenDir, 'metrics.json'), JSON.stringify({ loss, weight, rows: rows.length }));
    return model;
  }

  protected _load(): { weight: number; loss: number } {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'model.json'), 'utf8')) as {
      weight: number;
      loss: number;
    };
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, Float, Gren, GrenObject } from 'gren-ts';
import { recordCall } from './pipelines';

/**
 * The TypeScript side of the Python interop pipeline (spec/fixtures/python/python-killed,
 * interop_models.py): same namespaces, field order and types, so the hashes are Python's.
 * Each `_create` writes result.json as the Python one does, with `"by": "ts"`.
 */
@Gren({ namespace: 'interop_models.PrepareDataset' })
export class PrepareDataset extends GrenObject<Record<string, unknown>, PrepareDataset> {
  @Field() name: string = 'toy';
  @Field() rows: number = 100;

  protected _create(): Record<string, unknown> {
    recordCall(`create PrepareDataset ${this.grenHash}`);
    const result = { name: this.name, rows: this.rows, by: 'ts' };
    fs.writeFileSync(path.join(this.grenDir, 'result.json'), JSON.stringify(result));
    return result;
  }

  protected _load(): Record<string, unknown> {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'result.json'), 'utf8')) as Record<string, unknown>;
  }
}

@Gren({ namespace: 'interop_models.TrainModel' })
export class TrainModel extends GrenObject<Record<string, unknown>, TrainModel> {
  @Field(() => PrepareDataset) dataset: PrepareDataset = new PrepareDataset({});
  @Field({ type: Float }) lr: number = 1e-3;
  @Field() steps: number = 1000;

  protected async _create(): Promise<Record<string, unknown>> {
    recordCall(`create TrainModel ${this.grenHash}`);
    const dataset = await this.dataset.loadOrCreate();
    const result = { dataset, lr: this.lr, steps: this.steps, by: 'ts' };
    fs.writeFileSync(path.join(this.grenDir, 'result.json'), JSON.stringify(result));
    return result;
  }

  protected _load(): Record<string, unknown> {
    return JSON.parse(fs.readFileSync(path.join(this.grenDir, 'result.json'), 'utf8')) as Record<string, unknown>;
  }
}

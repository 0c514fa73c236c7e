import { Field, Gren, GrenObject } from 'gren-ts';
import { PrepareDataset, TrainModel } from './my_project/pipelines';

/** Compares several models trained on the same dataset: a three-level DAG. */
@Gren()
export class CompareLearningRates extends GrenObject<Record<string, number>, CompareLearningRates> {
  @Field(() => [TrainModel]) models: TrainModel[] = [];

  protected async _create(): Promise<Record<string, number>> {
    const losses: Record<string, number> = {};
    for (const model of this.models) losses[String(model.lr)] = (await model.loadOrCreate()).loss;
    return losses;
  }

  protected _load(): Promise<Record<string, number>> {
    return this._create();
  }
}

async function main(): Promise<void> {
  const dataset = new PrepareDataset({ name: 'mnist', size: 50 });
  const comparison = new CompareLearningRates({
    models: [1e-3, 1e-2, 1e-1].map((lr) => new TrainModel({ dataset, lr, steps: 200 })),
  });
  console.log(JSON.stringify(await comparison.loadOrCreate()));
}

void main();

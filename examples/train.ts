import { TrainModel } from './my_project/pipelines';

async function main(): Promise<void> {
  const model = new TrainModel({ lr: 3e-4, steps: 5000 });
  const first = await model.loadOrCreate(); // computes PrepareDataset, then TrainModel
  const again = await new TrainModel({ lr: 3e-4, steps: 5000 }).loadOrCreate(); // cache hit
  console.log(JSON.stringify({ hash: model.grenHash, weight: first.weight, cached: again.weight === first.weight }));
}

void main();

import { GrenList } from 'gren-ts';
import { PrepareDataset, TrainModel } from './my_project/pipelines';

/** Named experiments, listed once and reused by scripts and notebooks. */
export class LearningRateSweep extends GrenList {
  static baseline = new TrainModel({ lr: 1e-3, steps: 100 });
  static fast = new TrainModel({ lr: 1e-2, steps: 100 });
  static byDataset = {
    mnist: new TrainModel({ dataset: new PrepareDataset({ name: 'mnist' }), steps: 100 }),
    cifar: new TrainModel({ dataset: new PrepareDataset({ name: 'cifar' }), steps: 100 }),
  };
  static duplicateOfBaseline = [new TrainModel({ lr: 1e-3, steps: 100 })];
}

async function main(): Promise<void> {
  for (const experiment of LearningRateSweep) await experiment.loadOrCreate();
  const names = LearningRateSweep.items().map(([name]) => name);
  const mnist = LearningRateSweep.byName('mnist') as TrainModel;
  console.log(JSON.stringify({ entries: LearningRateSweep.all().length, names, mnistLr: mnist.lr }));
}

void main();

import { ProcessPoolExecutor, runAll } from 'gren-ts';
import { PrepareDataset, TrainModel } from './my_project/pipelines';

/** A grid of 2 datasets × 3 learning rates, on a pool of 2 worker processes; run it twice. */
export function grid(): TrainModel[] {
  const datasets = [new PrepareDataset({ size: 100 }), new PrepareDataset({ size: 200 })];
  return datasets.flatMap((dataset) => [1e-3, 1e-2, 1e-1].map((lr) => new TrainModel({ dataset, lr, steps: 200 })));
}

async function main(): Promise<void> {
  const executor = new ProcessPoolExecutor({ size: 2 });
  const first = await runAll(grid(), { executor }).wait(); // datasets first, then the 6 models
  const again = await runAll(grid(), { executor }).wait(); // everything cached: nothing runs
  await executor.close();
  console.log(
    JSON.stringify({
      first: { done: first.done, levels: first.levels.length },
      again: { cached: again.cached, done: again.done },
    }),
  );
}

if (require.main === module) void main();

import { Optimizer, Train } from './pipeline';

async function main(): Promise<void> {
  const train = new Train({ steps: 21, optimizer: new Optimizer({ lr: 0.01 }), tags: ['a'] });
  const result = await train.loadOrCreate();
  console.log(JSON.stringify({ hash: train.grenHash, result, code: train.toCode() }));
}

void main();

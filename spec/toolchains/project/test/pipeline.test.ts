// A user's vitest test of the pipeline (run by spec/toolchains, not by jest).
import { expect, test } from 'vitest';
import { Optimizer, Train } from '../src/pipeline';

test('the pipeline hashes and computes as it does under tsc', async () => {
  const train = new Train({ steps: 21, optimizer: new Optimizer({ lr: 0.01 }), tags: ['a'] });

  expect(train.grenHash).toBe(process.env.EXPECTED_GREN_HASH);
  expect(await train.loadOrCreate()).toBe(42);
});

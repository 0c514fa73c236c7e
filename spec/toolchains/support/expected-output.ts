import { Optimizer, Train } from '../project/src/pipeline';
import type { PipelineOutput } from './user-project';

/** What spec/toolchains/project/src/main.ts must print under every toolchain: computed here, under ts-jest. */
export function expectedPipelineOutput(): PipelineOutput {
  const train = new Train({ steps: 21, optimizer: new Optimizer({ lr: 0.01 }), tags: ['a'] });
  return { hash: train.grenHash, result: 42, code: train.toCode() };
}

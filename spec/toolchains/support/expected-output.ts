import { Optimizer, Train } from '../project/src/pipeline';
import type { PipelineOutput } from './user-project';

/** What spec/toolchains/project/src/main.ts must print under every toolchain: computed here, under ts-jest. */
export function expectedPipelineOutput(): PipelineOutput {
  const train = new Train({ steps: 21, optimizer: new Optimizer({ lr: 0.01 }), tags: ['a'] });
  return { hash: train.grenHash, result: 42, code: train.toCode() };
}

/** gren's message for the pipeline's classes decorated as standard (TC39) decorators: the run failed, naming them and the tsconfig flags. */
export function expectStandardDecoratorMessage(run: { status: number | null; stderr: string }): void {
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('@Gren() on Optimizer (and @Field() on name, lr) ran as a standard (TC39) decorator');
  expect(run.stderr).toContain(
    '"experimentalDecorators": true, "emitDecoratorMetadata": true and "useDefineForClassFields": false',
  );
}

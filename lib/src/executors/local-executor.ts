import type { Executor, SubmittedJob } from './executor';

/** The default executor: `_create` runs in the calling process. */
export class LocalExecutor implements Executor {
  readonly backend = 'local';
  readonly inProcess = true;

  submit(): Promise<SubmittedJob> {
    return Promise.reject(new Error('LocalExecutor runs computations in-process; gren never submits to it.'));
  }
}

import type { DependencyContainer } from 'tsyringe';
import type { GrenJobState, JobHandle } from '../model/job-handle';
import { runInContainer } from './container-scope';

/**
 * A submitted job whose methods run in the container it was submitted with, so that
 * `wait()` loads the result (`_load()` reads `grenDir`) from that container's store even
 * when it is called outside the `loadOrCreate({ container })` call.
 */
export class ContainerBoundJob<T> implements JobHandle<T> {
  constructor(
    private readonly container: DependencyContainer,
    private readonly job: JobHandle<T>,
  ) {}

  get jobId(): string | null {
    return this.job.jobId;
  }

  get attemptId(): string | null {
    return this.job.attemptId;
  }

  state(): Promise<GrenJobState> {
    return runInContainer(this.container, () => this.job.state());
  }

  done(): Promise<boolean> {
    return runInContainer(this.container, () => this.job.done());
  }

  wait(options?: { timeoutSec?: number }): Promise<T> {
    return runInContainer(this.container, () => this.job.wait(options));
  }

  cancel(): Promise<void> {
    return runInContainer(this.container, () => this.job.cancel());
  }
}

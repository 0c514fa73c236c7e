import { Field, Gren, GrenObject, MISSING, type Executor, type SubmitRequest, type SubmittedJob } from 'gren-ts';
import { useTempStore } from '../../support/temp-store';

@Gren({ namespace: 'spec.executors.concurrent.Gated' })
class Gated extends GrenObject<number, Gated> {
  @Field() x: number = MISSING;

  protected _create(): number {
    return this.x;
  }

  protected _load(): number {
    return this.x;
  }
}

/** An executor whose submit() waits until the test opens the gate, then reports job "job-1". */
class GatedExecutor implements Executor {
  readonly backend = 'gated';
  submits = 0;
  private open: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  private entered: () => void = () => undefined;
  /** Resolves once a submit has started (its queued attempt is recorded, its job id is not). */
  readonly submitting = new Promise<void>((resolve) => (this.entered = resolve));

  async submit(_request: SubmitRequest): Promise<SubmittedJob> {
    this.submits += 1;
    this.entered();
    await this.gate;
    return { jobId: `job-${this.submits}` };
  }

  probe(): Promise<{ active: boolean }> {
    return Promise.resolve({ active: true });
  }

  release(): void {
    this.open();
  }
}

describe('loadOrCreate({ executor }) while another caller is still submitting', () => {
  useTempStore('gren-concurrent-submit-');

  it('should wait for the job id instead of attaching to the attempt without one', async () => {
    const executor = new GatedExecutor();
    const first = new Gated({ x: 1 }).loadOrCreate({ executor });
    await executor.submitting;

    const second = new Gated({ x: 1 }).loadOrCreate({ executor });
    await new Promise((resolve) => setTimeout(resolve, 300));
    executor.release();

    const jobs = await Promise.all([first, second]);
    expect(jobs.map((job) => job.jobId)).toEqual(['job-1', 'job-1']);
    expect(jobs[1].attemptId).toBe(jobs[0].attemptId);
    expect(executor.submits).toBe(1);
  });
});

import {
  createGrenContainer,
  EXECUTOR,
  ProcessExecutor,
  useGrenContainer,
  type Executor,
  type SubmitRequest,
  type SubmittedJob,
} from 'gren-ts';
import { TrainModel } from './my_project/pipelines';

/** An executor of your own: here it logs each submission and delegates to a worker process. */
class AuditedExecutor implements Executor {
  readonly backend = 'process';
  readonly submitted: string[] = [];
  private readonly inner = new ProcessExecutor();

  async submit(request: SubmitRequest): Promise<SubmittedJob> {
    this.submitted.push(`${request.className} ${request.payload.grenHash}`);
    return this.inner.submit(request);
  }

  probe = this.inner.probe.bind(this.inner);
  cancel = this.inner.cancel.bind(this.inner);
}

async function main(): Promise<void> {
  const executor = new AuditedExecutor();
  const container = createGrenContainer();
  container.register(EXECUTOR, { useValue: executor });
  useGrenContainer(container);

  const result = await new TrainModel({ lr: 5e-3, steps: 300 }).loadOrCreate(); // submitted, waited for
  console.log(JSON.stringify({ submitted: executor.submitted.length, weight: result.weight }));
}

void main();

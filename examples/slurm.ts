import { SlurmExecutor } from 'gren-ts';
import { TrainModel } from './my_project/pipelines';

/** Sends a training run to SLURM and waits for it (needs sbatch; see README "Running on SLURM"). */
async function main(): Promise<void> {
  const executor = new SlurmExecutor({ partition: 'debug', timeMin: 10, cpusPerTask: 1, memGb: 1 });
  const job = await new TrainModel({ lr: 2e-3, steps: 400 }).loadOrCreate({ executor });
  console.log(`submitted SLURM job ${job.jobId ?? '(already done)'}`);
  const model = await job.wait();
  console.log(JSON.stringify({ state: await job.state(), weight: model.weight }));
}

void main();

import { ProcessExecutor } from 'gren-ts';
import { Squares } from './squares';

async function main(): Promise<void> {
  const here = await new Squares({ count: 4 }).loadOrCreate(); // computed in this process, then cached
  const job = await new Squares({ count: 6 }).loadOrCreate({ executor: new ProcessExecutor() }); // in a gren-worker process
  console.log(JSON.stringify({ here, worker: await job.wait() }));
}

void main();

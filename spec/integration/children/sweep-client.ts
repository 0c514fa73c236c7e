import {
  ProcessPoolExecutor,
  runAll,
  SlurmArrayExecutor,
  type ConfigsPerTask,
  type Executor,
  type SweepReport,
} from 'gren-ts';
import { threeLevels } from './sweep-pipelines';

/**
 * node sweep-client.js <executor> <n> [maxRunning] [leafMs] [configsPerTask]
 *   executor: local | process (a pool of 2) | slurm (arrays, configsPerTask configs per task:
 *   a number, or auto)
 * Runs the three-level sweep of n leaves and prints one JSON line: the report's counts,
 * its entries and, for SLURM, the executor's sbatch statistics.
 */
async function main(): Promise<void> {
  const [kind = 'local', n = '4', maxRunning, leafMs = '0', configsPerTask = '1'] = process.argv.slice(2);
  const executor = build(kind, configsPerTask === 'auto' ? 'auto' : Number(configsPerTask));
  const sweep = runAll(threeLevels(Number(n), Number(leafMs)), {
    executor,
    maxRunning: maxRunning !== undefined && maxRunning !== '' ? Number(maxRunning) : undefined,
    tickMs: 200,
  });
  const report = await sweep.wait();
  if (executor instanceof ProcessPoolExecutor) await executor.close();
  print(report, executor);
}

function build(kind: string, configsPerTask: ConfigsPerTask): Executor | undefined {
  if (kind === 'process') return new ProcessPoolExecutor({ size: 2 });
  if (kind === 'slurm') return new SlurmArrayExecutor({ timeMin: 10, configsPerTask });
  return undefined;
}

function print(report: SweepReport, executor: Executor | undefined): void {
  const { entries, levels, ...counts } = report;
  const stats = executor instanceof SlurmArrayExecutor ? executor.stats : null;
  const rows = entries.map(({ className, hash, level, status, message, jobId, requested }) => ({
    className,
    hash,
    level,
    status,
    message,
    jobId,
    requested,
  }));
  process.stdout.write(`${JSON.stringify({ counts, levels, stats, entries: rows })}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exit(3);
});

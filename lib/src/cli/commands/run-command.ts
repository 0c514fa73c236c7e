import { InvalidArgumentError, type Command } from 'commander';
import * as os from 'node:os';
import type { Executor } from '../../executors/executor';
import { LocalExecutor } from '../../executors/local-executor';
import { ProcessPoolExecutor } from '../../executors/process-pool-executor';
import { SlurmArrayExecutor } from '../../executors/slurm/slurm-array-executor';
import type { SlurmOptions } from '../../executors/slurm/slurm-options';
import type { ConfigsPerTask } from '../../executors/slurm/configs-per-task';
import { GREN_CONFIG } from '../../settings/gren-config';
import { planAll } from '../../sweep/plan-all';
import { runAll } from '../../sweep/run-all';
import type { SweepReport } from '../../sweep/sweep';
import { storePath, type CliContext, type GlobalOptions } from '../cli-context';
import { GrenCliError } from '../cli-error';
import { EXIT_FAILED } from '../exit-codes';
import { writeJson } from '../write-json';
import { formatPlan } from '../sweep/format-plan';
import { loadSweepExport } from '../sweep/load-sweep-export';
import { barDisplay, lineDisplay, type SweepDisplay } from '../sweep/sweep-display';

type ExecutorName = 'local' | 'process' | 'slurm';

interface RunCommandOptions {
  executor: ExecutorName;
  jobs?: number;
  maxRunning?: number;
  slurm?: string;
  configsPerTask?: ConfigsPerTask;
  dryRun?: boolean;
  json?: boolean;
}

/** Exit codes when a signal stopped the sweep (as a shell reports them). */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export function registerRun(program: Command, context: CliContext): void {
  program
    .command('run')
    .description(
      'Compute a sweep exported by a module (a GrenList, an array of configs, or a function returning one), in dependency order, skipping what is cached',
    )
    .argument('<module>', 'the file exporting the sweep (.ts through ts-node, or .js)')
    .argument('<export>', 'the export name')
    .option(
      '--executor <name>',
      'local (this process), process (a pool of worker processes) or slurm (one job array per level)',
      parseExecutor,
      'process',
    )
    .option(
      '--jobs <n>',
      'worker processes of the pool, or configs computed at once by local (default: cores for process, 1 for local)',
      parsePositive,
    )
    .option('--max-running <n>', 'at most this many configs running at once (slurm: the %N of --array)', parsePositive)
    .option('--slurm <json>', 'SlurmOptions as JSON, e.g. \'{"partition":"gpu","timeMin":60}\'')
    .option(
      '--configs-per-task <n|auto>',
      'slurm: configs each array task computes one after the other, or auto: about 4 tasks per CPU (or --max-running) once a level is larger',
      parseConfigsPerTask,
      'auto',
    )
    .option('--dry-run', 'print the levels to compute and what is cached, and run nothing')
    .option('--json', 'print the outcome as JSON (no progress display)')
    .addHelpText(
      'after',
      '\nRunning it again computes only what is missing or failed.\n\nExample:\n  gren run experiments/sweep.ts grid --executor slurm --max-running 50\n',
    )
    .action(async (file: string, name: string, options: RunCommandOptions, command: Command) => {
      GREN_CONFIG.basePath = storePath(command);
      const configs = await loadSweepExport(file, name);
      if (options.dryRun) {
        const plan = await planAll(configs);
        if (options.json) writeJson(context.io, plan);
        else context.io.stdout.write(formatPlan(plan));
        return;
      }
      const executor = buildExecutor(options);
      const sweep = runAll(configs, {
        executor,
        maxRunning: options.maxRunning ?? defaultMaxRunning(options, executor),
      });
      const display = chooseDisplay(context, command, options);
      const unsubscribe = await sweep.onChange((summary) => display?.update(summary));
      const announced = new Set<string>();
      const unsubscribeNotes = await sweep.onChange(() => void noteEndings(sweep.entries(), announced, display));
      let stoppedBy: string | undefined;
      const onSignal = (signal: NodeJS.Signals): void => {
        if (stoppedBy) process.exit(SIGNAL_EXIT[signal] ?? 1);
        stoppedBy = signal;
        display?.note(`${signal}: cancelling what this run submitted (again to quit at once)`);
        void sweep.cancel();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      let report: SweepReport;
      try {
        report = await sweep.wait();
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        unsubscribe();
        unsubscribeNotes();
        if (executor instanceof ProcessPoolExecutor) await executor.close();
      }
      display?.stop(report);
      if (options.json) writeJson(context.io, reportJson(report, executor));
      if (stoppedBy) context.exitCode = SIGNAL_EXIT[stoppedBy] ?? EXIT_FAILED;
      else if (!report.ok) context.exitCode = EXIT_FAILED;
    });
}

function buildExecutor(options: RunCommandOptions): Executor {
  switch (options.executor) {
    case 'local':
      return new LocalExecutor();
    case 'process':
      return new ProcessPoolExecutor({ size: options.jobs ?? os.cpus().length });
    case 'slurm':
      return new SlurmArrayExecutor({
        ...parseSlurmOptions(options.slurm),
        configsPerTask: options.configsPerTask ?? 'auto',
      });
  }
}

function defaultMaxRunning(options: RunCommandOptions, executor: Executor): number {
  if (executor instanceof ProcessPoolExecutor) return executor.size;
  if (options.executor === 'local') return options.jobs ?? 1;
  return Number.MAX_SAFE_INTEGER;
}

function chooseDisplay(context: CliContext, command: Command, options: RunCommandOptions): SweepDisplay | undefined {
  if (options.json) return undefined;
  const stream = context.io.progressStream;
  const wantsBars = command.optsWithGlobals<GlobalOptions>().progress !== false;
  return stream && wantsBars ? barDisplay(stream) : lineDisplay(context.io);
}

async function noteEndings(
  entries: Promise<SweepReport['entries']>,
  announced: Set<string>,
  display: SweepDisplay | undefined,
): Promise<void> {
  for (const entry of await entries) {
    if ((entry.status !== 'failed' && entry.status !== 'skipped') || announced.has(entry.directory)) continue;
    announced.add(entry.directory);
    display?.note(`${entry.status}: ${entry.className} ${entry.hash}: ${entry.message ?? ''}`);
  }
}

function reportJson(report: SweepReport, executor: Executor): unknown {
  const { entries, ...counts } = report;
  return {
    ...counts,
    executor: executor.backend,
    sbatch_calls: executor instanceof SlurmArrayExecutor ? executor.stats.sbatchCalls : undefined,
    entries: entries.map(({ className, hash, directory, level, requested, status, message, jobId }) => ({
      class_name: className,
      hash,
      directory,
      level,
      requested,
      status,
      message,
      job_id: jobId,
    })),
  };
}

function parseExecutor(text: string): ExecutorName {
  if (text === 'local' || text === 'process' || text === 'slurm') return text;
  throw new InvalidArgumentError('expected local, process or slurm.');
}

function parsePositive(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1)
    throw new InvalidArgumentError('expected a whole number of 1 or more.');
  return value;
}

function parseConfigsPerTask(text: string): ConfigsPerTask {
  if (text.trim() === 'auto') return 'auto';
  try {
    return parsePositive(text);
  } catch {
    throw new InvalidArgumentError('expected auto or a whole number of 1 or more.');
  }
}

function parseSlurmOptions(text: string | undefined): SlurmOptions {
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as SlurmOptions;
  } catch (error) {
    throw GrenCliError.usage(
      `--slurm must be JSON SlurmOptions such as '{"partition":"debug","timeMin":30}': ${(error as Error).message}`,
    );
  }
}

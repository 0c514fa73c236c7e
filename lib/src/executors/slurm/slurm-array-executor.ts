import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderTaskList } from '../../runtime/array-task-list';
import { workerBinPath } from '../../runtime/worker-bin';
import { writeFileAtomic } from '../../storage/atomic-write';
import type { SchedulerProbe } from '../../storage/reconcile';
import type { ActiveAttempt } from '../../storage/state-types';
import { GREN_CONFIG } from '../../settings/gren-config';
import type { GrenSettings } from '../../settings/gren-settings';
import type { BatchExecutor, BatchOptions } from '../../sweep/batch-executor';
import type { SubmitRequest, SubmittedJob } from '../executor';
import { arraySpec, chunk, parseArrayTaskId } from './array-spec';
import { ACTIVE_STATES } from './classify-scheduler-state';
import { checkConfigsPerTask, configsPerArrayTask, type ConfigsPerTask } from './configs-per-task';
import { DEFAULT_MAX_ARRAY_SIZE, parseMaxArraySize } from './parse-max-array-size';
import { parseSbatchOutput } from './parse-sbatch-output';
import { parseSinfoCpus, SINFO_CPUS_FORMAT } from './parse-sinfo-cpus';
import { parseSqueueOutput, type SqueueRow } from './parse-squeue-output';
import { runSchedulerCommand } from './run-scheduler-command';
import { renderSbatchScript } from './sbatch-script';
import { formatCommand, sbatchCommand, scancelCommand, SQUEUE_FORMAT } from './scheduler-commands';
import { SlurmError } from './slurm-error';
import { SlurmExecutor } from './slurm-executor';
import { slurmJobVariables } from './slurm-job-variables';
import { resolveSlurmOptions, type ResolvedSlurmOptions, type SlurmOptions } from './slurm-options';

/** SlurmOptions, plus how many configs of a level each array task computes. */
export interface SlurmArrayOptions extends SlurmOptions {
  /**
   * Configs per array task. Each task's worker computes its configs one after the other, so
   * SLURM's per-job start and end costs (seconds) are paid once per task. `'auto'` (default):
   * one config per task unless a level holds more than 4 tasks per slot (slots: the configs
   * the cluster runs at once, the smaller of maxRunning and the partition's CPUs per
   * cpusPerTask), then about 4 tasks per slot. A number is used as given (1: one config per
   * task). All of a task's configs record the same `<array>_<task>` job id.
   */
  configsPerTask?: ConfigsPerTask;
}

/** How long one `squeue` listing of an array answers probes of its tasks. */
const ARRAY_LISTING_TTL_MS = 2_000;

/**
 * SLURM for sweeps: `runAll` hands it each dependency level whole, and it submits the level
 * as one job array (`sbatch --array=0-K%maxRunning`), split in arrays of at most the
 * cluster's MaxArraySize tasks. Each array task runs `gren-worker --task-list`, which picks
 * its configs' payloads by SLURM_ARRAY_TASK_ID (several configs per task when `configsPerTask`
 * packs them, which 'auto' does for levels much larger than the cluster runs at once).
 * Attempts record `job_id` "<array>_<task>", `array_job_id` and `array_task_id`; probing,
 * requeue on preemption and the state mapping are those of `SlurmExecutor` (a single config
 * goes through it unchanged).
 */
export class SlurmArrayExecutor implements BatchExecutor {
  readonly backend = 'slurm';
  /** What this executor asked of SLURM so far (for reports and benchmarks). */
  readonly stats = { sbatchCalls: 0, arrays: 0, tasks: 0 };
  private readonly single: SlurmExecutor;
  private readonly options: ResolvedSlurmOptions;
  private maxArraySize: number | undefined;
  private readonly listings = new Map<string, { at: number; rows: Promise<SqueueRow[] | undefined> }>();
  private readonly configsPerTask: ConfigsPerTask;
  private partitionCpus: Promise<number | undefined> | undefined;

  constructor(options: SlurmArrayOptions = {}, settings: GrenSettings = GREN_CONFIG) {
    const { configsPerTask = 'auto', ...slurmOptions } = options;
    this.configsPerTask = checkConfigsPerTask(configsPerTask);
    this.options = resolveSlurmOptions(slurmOptions);
    this.single = new SlurmExecutor(slurmOptions, settings);
  }

  async submit(request: SubmitRequest): Promise<SubmittedJob> {
    this.stats.sbatchCalls += 1;
    this.stats.tasks += 1;
    return this.single.submit(request);
  }

  async submitBatch(requests: readonly SubmitRequest[], options: BatchOptions): Promise<SubmittedJob[]> {
    const size = await this.arraySizeLimit();
    const perTask = await this.configsPerTaskOf(requests.length, options.maxRunning);
    const jobs: SubmittedJob[] = [];
    for (const part of chunk(requests, size * perTask)) jobs.push(...(await this.submitArray(part, options, perTask)));
    return jobs;
  }

  /** Configs per array task for a level of `configs`, by the `configsPerTask` rule. */
  async configsPerTaskOf(configs: number, maxRunning: number): Promise<number> {
    if (this.configsPerTask !== 'auto') return this.configsPerTask;
    const cpus = await this.clusterCpus();
    const bySlurm = cpus === undefined ? undefined : Math.max(1, Math.floor(cpus / (this.options.cpusPerTask ?? 1)));
    const byUser = maxRunning < Number.MAX_SAFE_INTEGER ? maxRunning : undefined;
    const known = [bySlurm, byUser].filter((slots): slots is number => slots !== undefined);
    return configsPerArrayTask('auto', configs, known.length > 0 ? Math.min(...known) : undefined);
  }

  /** The usable CPUs of the partition jobs go to (`sinfo`), read once; undefined if unreadable. */
  clusterCpus(): Promise<number | undefined> {
    this.partitionCpus ??= runSchedulerCommand({ file: 'sinfo', args: ['-h', '-o', SINFO_CPUS_FORMAT] }).then(
      (result) => (result.ok ? parseSinfoCpus(result.stdout, this.options.partition) : undefined),
    );
    return this.partitionCpus;
  }

  /** The cluster's MaxArraySize (`scontrol show config`), read once. */
  async arraySizeLimit(): Promise<number> {
    if (this.maxArraySize === undefined) {
      const result = await runSchedulerCommand({ file: 'scontrol', args: ['show', 'config'] });
      this.maxArraySize = (result.ok ? parseMaxArraySize(result.stdout) : undefined) ?? DEFAULT_MAX_ARRAY_SIZE;
    }
    return this.maxArraySize;
  }

  private async submitArray(
    requests: readonly SubmitRequest[],
    options: BatchOptions,
    perTask: number,
  ): Promise<SubmittedJob[]> {
    const first = requests[0];
    if (!first) return [];
    const dir = path.join(options.sweepDir, 'slurm');
    fs.mkdirSync(dir, { recursive: true });
    const name = `array-${String(this.stats.arrays + 1).padStart(3, '0')}`;
    const taskList = path.join(dir, `${name}.tasks`);
    const payloadFile = (request: SubmitRequest): string =>
      path.join(request.directory, '.gren', 'worker', `${request.payload.attemptId}.json`);
    const tasks = chunk(requests, perTask);
    writeFileAtomic(taskList, renderTaskList(tasks.map((task) => task.map(payloadFile))));
    const jobName = this.options.jobName === 'gren' ? 'gren-sweep' : this.options.jobName;
    const script = renderSbatchScript({
      options: {
        ...this.options,
        jobName,
        additionalParameters: [
          ...this.options.additionalParameters,
          ['array', arraySpec(tasks.length, options.maxRunning)],
        ],
      },
      workingDir: process.cwd(),
      logDir: dir,
      logName: '%A_%a',
      env: slurmJobVariables(process.env, first.payload.basePath, this.options.requeue),
      command: [process.execPath, workerBinPath(), '--task-list', taskList, '--backend', this.backend],
    });
    const scriptFile = path.join(dir, `${name}.sbatch`);
    writeFileAtomic(scriptFile, script);
    const command = sbatchCommand(scriptFile);
    this.stats.sbatchCalls += 1;
    const result = await runSchedulerCommand(command);
    if (!result.ok)
      throw new SlurmError(
        'SLURM_SUBMIT_FAILED',
        `${formatCommand(command)} failed (exit ${String(result.exitCode)}): ${result.stderr}`,
      );
    const submission = parseSbatchOutput(result.stdout, formatCommand(command));
    this.stats.arrays += 1;
    this.stats.tasks += tasks.length;
    return requests
      .map((_request, index) => Math.floor(index / perTask))
      .map((taskId) => ({
        jobId: `${submission.jobId}_${taskId}`,
        scheduler: {
          array_job_id: submission.jobId,
          array_task_id: taskId,
          cluster: submission.cluster,
          partition: this.options.partition ?? null,
          script: scriptFile,
          stdout: path.join(dir, `${submission.jobId}_${taskId}.out`),
          stderr: path.join(dir, `${submission.jobId}_${taskId}.err`),
        },
      }));
  }

  /**
   * An array task SLURM still lists as pending or running is active, from one `squeue -r`
   * of its whole array (shared by every task's probe for a moment); anything else is asked
   * in full, as for a single job.
   */
  async probe(attempt: ActiveAttempt): Promise<SchedulerProbe | undefined> {
    const jobId = attempt.scheduler.job_id;
    const task = typeof jobId === 'string' ? parseArrayTaskId(jobId) : undefined;
    if (task) {
      const row = (await this.listArray(task.arrayJobId))?.find((candidate) => candidate.jobId === jobId);
      if (row && ACTIVE_STATES.has(row.state)) return { active: true, schedulerState: row.state };
    }
    return this.single.probe(attempt);
  }

  cancel(jobId: string): Promise<void> {
    return this.single.cancel(jobId);
  }

  /** One `scancel` per array (all its tasks), and per single job. */
  async cancelBatch(jobIds: readonly string[]): Promise<void> {
    const targets = new Set(jobIds.map((jobId) => parseArrayTaskId(jobId)?.arrayJobId ?? jobId));
    for (const target of targets) {
      const command = scancelCommand(target);
      const result = await runSchedulerCommand(command);
      if (!result.ok) throw new SlurmError('SLURM_CANCEL_FAILED', `${formatCommand(command)} failed: ${result.stderr}`);
    }
  }

  private listArray(arrayJobId: string): Promise<SqueueRow[] | undefined> {
    const cached = this.listings.get(arrayJobId);
    if (cached && Date.now() - cached.at < ARRAY_LISTING_TTL_MS) return cached.rows;
    const command = { file: 'squeue', args: ['-h', '-r', '-t', 'all', '-j', arrayJobId, '-o', SQUEUE_FORMAT] };
    const rows = runSchedulerCommand(command).then((result) =>
      result.ok ? parseSqueueOutput(result.stdout, formatCommand(command)) : undefined,
    );
    this.listings.set(arrayJobId, { at: Date.now(), rows });
    return rows;
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLogger } from '../../logging/gren-logger';
import { workerBinPath } from '../../runtime/worker-bin';
import { writeFileAtomic } from '../../storage/atomic-write';
import type { SchedulerProbe } from '../../storage/reconcile';
import type { ActiveAttempt } from '../../storage/state-types';
import { GREN_CONFIG } from '../../settings/gren-config';
import type { GrenSettings } from '../../settings/gren-settings';
import type { Executor, SubmitRequest, SubmittedJob } from '../executor';
import { parseSbatchOutput } from './parse-sbatch-output';
import { runSchedulerCommand } from './run-scheduler-command';
import { renderSbatchScript, sbatchLogPaths } from './sbatch-script';
import {
  formatCommand,
  sacctCommand,
  sbatchCommand,
  scancelCommand,
  scontrolShowJobCommand,
  squeueCommand,
} from './scheduler-commands';
import { SlurmError } from './slurm-error';
import { slurmJobVariables } from './slurm-job-variables';
import { resolveSlurmOptions, type ResolvedSlurmOptions, type SlurmOptions } from './slurm-options';
import { probeSlurmJob } from './slurm-probe';

/**
 * Submits computations as SLURM batch jobs (`sbatch --parsable`); the job runs `gren-worker`,
 * which receives USR2 `signalDelaySec` before the time limit (checkpoint with `_onPreempt()`,
 * then requeue, up to GREN_PREEMPT_MAX times). Probes with squeue, scontrol and sacct so a
 * queued attempt stays alive while SLURM holds the job.
 */
export class SlurmExecutor implements Executor {
  readonly backend = 'slurm';
  private readonly options: ResolvedSlurmOptions;

  constructor(
    options: SlurmOptions = {},
    private readonly settings: GrenSettings = GREN_CONFIG,
  ) {
    this.options = resolveSlurmOptions(options);
  }

  async submit(request: SubmitRequest): Promise<SubmittedJob> {
    const slurmDir = path.join(request.directory, '.gren', 'slurm');
    fs.mkdirSync(slurmDir, { recursive: true });
    const payloadFile = path.join(request.directory, '.gren', 'worker', `${request.payload.attemptId}.json`);
    const script = renderSbatchScript({
      options: {
        ...this.options,
        jobName: this.options.jobName === 'gren' ? `gren-${request.className}` : this.options.jobName,
      },
      workingDir: process.cwd(),
      logDir: slurmDir,
      env: slurmJobVariables(process.env, request.payload.basePath, this.options.requeue),
      command: [process.execPath, workerBinPath(), payloadFile, '--backend', this.backend],
    });
    const scriptFile = path.join(slurmDir, `${request.payload.attemptId}.sbatch`);
    writeFileAtomic(scriptFile, script);
    const command = sbatchCommand(scriptFile);
    const result = await runSchedulerCommand(command);
    if (!result.ok)
      throw new SlurmError(
        'SLURM_SUBMIT_FAILED',
        `${formatCommand(command)} failed (exit ${String(result.exitCode)}): ${result.stderr}`,
      );
    const submission = parseSbatchOutput(result.stdout, formatCommand(command));
    const logs = sbatchLogPaths(slurmDir, submission.jobId);
    return {
      jobId: submission.jobId,
      scheduler: {
        cluster: submission.cluster,
        partition: this.options.partition ?? null,
        script: scriptFile,
        stdout: logs.stdout,
        stderr: logs.stderr,
      },
    };
  }

  async probe(attempt: ActiveAttempt): Promise<SchedulerProbe | undefined> {
    const jobId = attempt.scheduler.job_id;
    if (typeof jobId !== 'string' || jobId === '') return undefined;
    const cluster = typeof attempt.scheduler.cluster === 'string' ? attempt.scheduler.cluster : null;
    const [squeue, scontrol, sacct] = await Promise.all([
      runSchedulerCommand(squeueCommand(jobId, cluster)),
      runSchedulerCommand(scontrolShowJobCommand(jobId, cluster)),
      runSchedulerCommand(sacctCommand(jobId, cluster)),
    ]);
    const probe = probeSlurmJob({
      jobId,
      squeue,
      scontrol,
      sacct,
      cancelledIsPreempted: this.settings.cancelledIsPreempted,
    });
    for (const warning of probe.warnings) getLogger().debug(`slurm probe ${jobId}: ${warning}`);
    if (probe.verdict === 'active') return { active: true, schedulerState: probe.schedulerState ?? undefined };
    if (probe.verdict === 'unknown') return undefined;
    return {
      active: false,
      terminalStatus: probe.terminalStatus,
      schedulerState: probe.rawSchedulerState ?? undefined,
      reason: probe.reason,
    };
  }

  async cancel(jobId: string): Promise<void> {
    const command = scancelCommand(jobId);
    const result = await runSchedulerCommand(command);
    if (!result.ok) throw new SlurmError('SLURM_CANCEL_FAILED', `${formatCommand(command)} failed: ${result.stderr}`);
  }
}

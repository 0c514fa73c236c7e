import { classifySchedulerState, type SchedulerTerminalStatus } from './classify-scheduler-state';
import { parseSacctOutput, sacctRuns, type SacctRecord } from './parse-sacct-output';
import { parseScontrolJobs } from './parse-scontrol-job';
import { findSqueueRow, parseSqueueOutput } from './parse-squeue-output';
import { SlurmError } from './slurm-error';
import type { SlurmExitCode } from './slurm-values';

/** How a scheduler command ended: its stdout, or its failure. */
export type CommandResult =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly exitCode: number | null; readonly stderr: string };

/**
 * The outputs of the commands in scheduler-commands.ts for one job. Leave out a command
 * that was not run; pass `{ ok: false, … }` for one that failed.
 */
export interface SlurmProbeInput {
  readonly jobId: string;
  /** `squeue -h [-t all] -j <id> -o '%i|%T|%r'`. */
  readonly squeue?: CommandResult;
  /** `scontrol show job <id>` (either form). */
  readonly scontrol?: CommandResult;
  /** `sacct -n -P -X [-D] -j <id> -o JobID,State,ExitCode,Reason,Start,End`. */
  readonly sacct?: CommandResult;
  /** GREN_CANCELLED_IS_PREEMPTED. */
  readonly cancelledIsPreempted?: boolean;
}

export type SlurmProbeSource = 'scontrol' | 'squeue' | 'sacct';

interface SlurmProbeCommon {
  readonly jobId: string;
  /** Normalized state the verdict rests on (`CANCELLED`), `null` when no command knew the job. */
  readonly schedulerState: string | null;
  /** That state as printed (`CANCELLED by 0`). */
  readonly rawSchedulerState: string | null;
  /** SLURM's own reason (`Resources`, `BeginTime`, `JobHeldUser`…). */
  readonly schedulerReason: string | null;
  /** gren's reason, for `attempt.reason`/`attempt.scheduler.reason`: `scheduler:<STATE>` or a snake_case word. */
  readonly reason: string;
  /** Requeues so far (scontrol `Restarts`, or the number of earlier sacct runs); `null` if unknown. */
  readonly restarts: number | null;
  readonly exitCode: SlurmExitCode | null;
  /** Which command the verdict rests on. */
  readonly source: SlurmProbeSource | null;
  /** Outputs that could not be read, for the log; such a command counts as not answered. */
  readonly warnings: readonly string[];
}

/**
 * - `active`: the scheduler holds the job; keep the attempt alive (and its lease fresh).
 * - `terminal`: the job is over; `terminalStatus` is what the attempt becomes (`success` only
 *   if the SUCCESS.json marker agrees, else the caller records `crashed`). Never `cancelled`
 *   (see classify-scheduler-state.ts).
 * - `unknown`: no command can tell; the caller falls back to the attempt's lease.
 */
export type SlurmProbeResult =
  | (SlurmProbeCommon & { readonly verdict: 'active'; readonly active: true })
  | (SlurmProbeCommon & {
      readonly verdict: 'terminal';
      readonly active: false;
      readonly terminalStatus: SchedulerTerminalStatus | 'crashed';
    })
  | (SlurmProbeCommon & { readonly verdict: 'unknown'; readonly active: false });

/** Final-looking sacct states that sacct also shows while a requeued job waits to run again. */
const REQUEUE_LAG_STATES: ReadonlySet<string> = new Set(['PREEMPTED', 'NODE_FAIL', 'REQUEUED']);

interface ControllerRecord {
  readonly kind: 'record';
  readonly source: 'scontrol' | 'squeue';
  readonly rawState: string;
  readonly state: string;
  readonly reason: string | null;
  readonly restarts: number | null;
  readonly exitCode: SlurmExitCode | null;
}
/** What slurmctld (squeue/scontrol) said: the job's record, "not held", or nothing usable. */
type ControllerView = ControllerRecord | { readonly kind: 'gone' } | { readonly kind: 'unavailable' };

/**
 * Decides what the scheduler says about a job from whatever squeue, scontrol and sacct
 * printed. Pure; never throws on command output (unreadable output becomes a warning).
 *
 * 1. slurmctld (scontrol, then squeue) is the current truth while it holds the job. It shows a
 *    requeued job as PENDING again, so its PREEMPTED/NODE_FAIL/TIMEOUT are final.
 * 2. Otherwise sacct's last run decides, with two lags seen on the real cluster: its last
 *    record stays PREEMPTED/REQUEUED while the requeued job waits, and an active-looking
 *    record may be stale. Those count only when slurmctld answered that it no longer holds
 *    the job ("Invalid job id" or not listed).
 * 3. Otherwise the verdict is `unknown`.
 */
export function probeSlurmJob(input: SlurmProbeInput): SlurmProbeResult {
  const warnings: string[] = [];
  const classify = (state: string) =>
    classifySchedulerState(state, { cancelledIsPreempted: input.cancelledIsPreempted ?? false });
  const controller = readController(input, warnings);
  const runs = readSacct(input, warnings);
  const lastRun = runs[runs.length - 1] ?? null;
  const sacctRestarts = runs.length > 1 ? runs.length - 1 : null;

  if (controller.kind === 'record') {
    const common = {
      jobId: input.jobId,
      schedulerState: controller.state,
      rawSchedulerState: controller.rawState,
      schedulerReason: controller.reason,
      restarts: controller.restarts ?? sacctRestarts,
      exitCode: controller.exitCode,
      source: controller.source,
      warnings,
    };
    const verdict = classify(controller.state);
    if (verdict.kind === 'active')
      return { ...common, verdict: 'active', active: true, reason: `scheduler:${verdict.state}` };
    if (verdict.kind === 'terminal') {
      return {
        ...common,
        verdict: 'terminal',
        active: false,
        terminalStatus: verdict.status,
        reason: `scheduler:${verdict.state}`,
      };
    }
    return { ...common, verdict: 'unknown', active: false, reason: `scheduler_state_unrecognised:${controller.state}` };
  }

  const controllerGone = controller.kind === 'gone';
  if (lastRun !== null) {
    const common = {
      jobId: input.jobId,
      schedulerState: lastRun.state,
      rawSchedulerState: lastRun.rawState,
      schedulerReason: lastRun.reason,
      restarts: sacctRestarts,
      exitCode: lastRun.exitCode,
      source: 'sacct' as const,
      warnings,
    };
    const verdict = classify(lastRun.state);
    if (REQUEUE_LAG_STATES.has(lastRun.state) && !controllerGone) {
      return {
        ...common,
        verdict: 'unknown',
        active: false,
        reason: `sacct_${lastRun.state.toLowerCase()}_may_be_requeued`,
      };
    }
    if (verdict.kind === 'terminal') {
      return {
        ...common,
        verdict: 'terminal',
        active: false,
        terminalStatus: verdict.status,
        reason: `scheduler:${verdict.state}`,
      };
    }
    if (verdict.kind === 'active') {
      if (controllerGone) {
        if (lastRun.state === 'REQUEUED') {
          return {
            ...common,
            verdict: 'terminal',
            active: false,
            terminalStatus: 'preempted',
            reason: 'scheduler:REQUEUED',
          };
        }
        return { ...common, verdict: 'unknown', active: false, reason: 'sacct_stale_job_unknown_to_controller' };
      }
      return { ...common, verdict: 'active', active: true, reason: `scheduler:${verdict.state}` };
    }
    if (lastRun.end !== null) {
      return {
        ...common,
        verdict: 'terminal',
        active: false,
        terminalStatus: 'crashed',
        reason: 'job_done_unknown_state',
      };
    }
    return { ...common, verdict: 'unknown', active: false, reason: `scheduler_state_unrecognised:${lastRun.state}` };
  }

  return {
    jobId: input.jobId,
    schedulerState: null,
    rawSchedulerState: null,
    schedulerReason: null,
    restarts: null,
    exitCode: null,
    source: null,
    warnings,
    verdict: 'unknown',
    active: false,
    reason: controllerGone ? 'job_unknown_to_scheduler' : 'scheduler_unavailable',
  };
}

/** slurmctld's answer to "show job N" when it does not hold N (any more). */
export function isInvalidJobIdMessage(text: string): boolean {
  return /invalid job id specified/i.test(text);
}

function readController(input: SlurmProbeInput, warnings: string[]): ControllerView {
  const fromScontrol = readScontrol(input.scontrol, input.jobId, warnings);
  if (fromScontrol.kind === 'record') return fromScontrol;
  const fromSqueue = readSqueue(input.squeue, input.jobId, warnings);
  if (fromSqueue.kind === 'record') return fromSqueue;
  return fromScontrol.kind === 'gone' || fromSqueue.kind === 'gone' ? { kind: 'gone' } : { kind: 'unavailable' };
}

function readScontrol(result: CommandResult | undefined, jobId: string, warnings: string[]): ControllerView {
  if (result === undefined) return { kind: 'unavailable' };
  if (!result.ok) return failedView('scontrol', result, warnings);
  try {
    const job = parseScontrolJobs(result.stdout).find((j) => j.jobId === jobId);
    if (job === undefined) return { kind: 'gone' };
    return {
      kind: 'record',
      source: 'scontrol',
      rawState: job.rawState,
      state: job.state,
      reason: job.reason,
      restarts: job.restarts,
      exitCode: job.exitCode,
    };
  } catch (error) {
    return unreadable(error, warnings);
  }
}

function readSqueue(result: CommandResult | undefined, jobId: string, warnings: string[]): ControllerView {
  if (result === undefined) return { kind: 'unavailable' };
  if (!result.ok) return failedView('squeue', result, warnings);
  try {
    const row = findSqueueRow(parseSqueueOutput(result.stdout), jobId);
    if (row === null) return { kind: 'gone' };
    return {
      kind: 'record',
      source: 'squeue',
      rawState: row.rawState,
      state: row.state,
      reason: row.reason,
      restarts: null,
      exitCode: null,
    };
  } catch (error) {
    return unreadable(error, warnings);
  }
}

function readSacct(input: SlurmProbeInput, warnings: string[]): SacctRecord[] {
  const result = input.sacct;
  if (result === undefined) return [];
  if (!result.ok) {
    warnings.push(`sacct failed (exit ${result.exitCode ?? 'signal'}): ${result.stderr.trim()}`);
    return [];
  }
  try {
    return sacctRuns(parseSacctOutput(result.stdout), input.jobId);
  } catch (error) {
    unreadable(error, warnings);
    return [];
  }
}

function failedView(
  command: string,
  result: Extract<CommandResult, { ok: false }>,
  warnings: string[],
): ControllerView {
  if (isInvalidJobIdMessage(result.stderr)) return { kind: 'gone' };
  warnings.push(`${command} failed (exit ${result.exitCode ?? 'signal'}): ${result.stderr.trim()}`);
  return { kind: 'unavailable' };
}

function unreadable(error: unknown, warnings: string[]): ControllerView {
  if (!(error instanceof SlurmError)) throw error;
  warnings.push(error.message);
  return { kind: 'unavailable' };
}

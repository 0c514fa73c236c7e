import { normalizeSchedulerState } from './slurm-values';

/**
 * What a SLURM job state means for a gren attempt:
 * - `active`: the scheduler still holds the job (queued, running, requeued, held…). The queued
 *   or running attempt must be kept alive, whatever its lease says.
 * - `terminal`: the job is over, with the attempt status it implies.
 * - `unknown`: not a state gren knows (or no state at all).
 */
export type SchedulerClassification =
  | { readonly kind: 'active'; readonly state: string }
  | { readonly kind: 'terminal'; readonly state: string; readonly status: SchedulerTerminalStatus }
  | { readonly kind: 'unknown'; readonly state: string | null };

/** The attempt statuses a scheduler state can lead to. */
export type SchedulerTerminalStatus = 'success' | 'failed' | 'preempted';

export interface ClassifyOptions {
  /** GREN_CANCELLED_IS_PREEMPTED: a scancel'ed job counts as preempted (retried), not failed. */
  readonly cancelledIsPreempted?: boolean;
}

/**
 * States in which the controller still holds the job. A job requeued by preemption or by
 * `scontrol requeue` shows as PENDING (Restarts+1, Reason BeginTime) on SLURM 22.05; REQUEUED,
 * REQUEUE_HOLD and friends are listed for other versions and configurations.
 */
export const ACTIVE_STATES: ReadonlySet<string> = new Set([
  'PENDING',
  'CONFIGURING',
  'RUNNING',
  'COMPLETING',
  'SUSPENDED',
  'STOPPED',
  'SIGNALING',
  'STAGE_OUT',
  'RESIZING',
  'REQUEUED',
  'REQUEUE_HOLD',
  'REQUEUE_FED',
  'SPECIAL_EXIT',
  'RESV_DEL_HOLD',
]);

/**
 * Ends that say nothing against the computation itself: a retry may succeed. The controller
 * shows them only when the job will not run again (a requeued job shows PENDING instead);
 * sacct can show them as the last record while the requeued job waits (see slurm-probe.ts).
 */
export const PREEMPTED_STATES: ReadonlySet<string> = new Set(['PREEMPTED', 'NODE_FAIL', 'TIMEOUT']);

/** Ends where the job itself failed. OUT_OF_MEMORY is the job's fault: failed, not crashed. */
export const FAILED_STATES: ReadonlySet<string> = new Set(['FAILED', 'BOOT_FAIL', 'DEADLINE', 'OUT_OF_MEMORY']);

/**
 * Classifies a SLURM job state by its first word, so `CANCELLED by 0` (sacct) is CANCELLED
 * (the reference matched whole strings and missed it).
 *
 * CANCELLED (someone ran `scancel`) is `failed`, or `preempted` with `cancelledIsPreempted`,
 * as in the reference. It is never `cancelled`: gren keeps that status for a cancel it
 * requested itself (`GrenJob.cancel()`), which the executor records in the state before it
 * runs scancel, so a probe never has to guess who cancelled.
 *
 * COMPLETED is `success` here; the caller turns it into `crashed`
 * (`scheduler_completed_no_success_marker`) when the artifact has no SUCCESS.json, as the
 * reference does. Unknown states containing FAIL or ERROR are `failed` (as the reference);
 * other unknown states are `unknown`.
 */
export function classifySchedulerState(
  rawState: string | null | undefined,
  options: ClassifyOptions = {},
): SchedulerClassification {
  const state = normalizeSchedulerState(rawState);
  if (state === null) return { kind: 'unknown', state: null };
  if (ACTIVE_STATES.has(state)) return { kind: 'active', state };
  if (state === 'COMPLETED') return { kind: 'terminal', state, status: 'success' };
  if (state === 'CANCELLED')
    return { kind: 'terminal', state, status: options.cancelledIsPreempted ? 'preempted' : 'failed' };
  if (PREEMPTED_STATES.has(state)) return { kind: 'terminal', state, status: 'preempted' };
  if (FAILED_STATES.has(state) || state.includes('FAIL') || state.includes('ERROR'))
    return { kind: 'terminal', state, status: 'failed' };
  return { kind: 'unknown', state };
}

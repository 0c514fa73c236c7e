/** What a worker should do when SLURM warns it (SIGUSR2) that its time is nearly up. */
export type RequeueDecision =
  | { readonly action: 'requeue'; readonly nextRestartCount: number }
  | { readonly action: 'stop'; readonly reason: 'requeue_disabled' | 'preempt_max_reached' };

export interface RequeueDecisionInput {
  /** SLURM_RESTART_COUNT of the current run (0 on the first run). */
  readonly restartCount: number;
  /** GREN_PREEMPT_MAX: how many requeues are allowed in total. */
  readonly maxRequeues: number;
  /** The job was submitted with `--requeue` (SlurmOptions.requeue). */
  readonly requeueEnabled: boolean;
}

/**
 * Whether to run `scontrol requeue` on ourselves. Every requeue counts, whether SLURM did it
 * after a preemption or the job did it before its time limit, because SLURM_RESTART_COUNT
 * counts both: with GREN_PREEMPT_MAX=2 the job may run three times in all.
 */
export function decideRequeue(input: RequeueDecisionInput): RequeueDecision {
  if (!input.requeueEnabled) return { action: 'stop', reason: 'requeue_disabled' };
  if (input.restartCount >= input.maxRequeues) return { action: 'stop', reason: 'preempt_max_reached' };
  return { action: 'requeue', nextRestartCount: input.restartCount + 1 };
}

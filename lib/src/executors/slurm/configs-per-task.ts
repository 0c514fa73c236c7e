import { SlurmError } from './slurm-error';

/** How many configs of a level one array task computes: a whole number ≥ 1, or `'auto'`. */
export type ConfigsPerTask = number | 'auto';

/**
 * With `'auto'`, a level becomes about this many array tasks per slot (a config the cluster
 * can run at once): enough for slots freed early to take more work, few enough that SLURM's
 * start and end of a job (seconds each) is paid a handful of times per slot, not per config.
 */
export const AUTO_TASKS_PER_SLOT = 4;

/**
 * `'auto'`: 1 while a level has at most AUTO_TASKS_PER_SLOT tasks per slot, else
 * ⌈configs / (slots × AUTO_TASKS_PER_SLOT)⌉, which never exceeds ⌈configs / slots⌉ (one
 * task per slot). Unknown slots (cluster not readable, no maxRunning) give 1.
 */
export function configsPerArrayTask(setting: ConfigsPerTask, configs: number, slots: number | undefined): number {
  if (setting !== 'auto') return setting;
  if (slots === undefined || slots < 1 || configs <= slots * AUTO_TASKS_PER_SLOT) return 1;
  return Math.min(Math.ceil(configs / (slots * AUTO_TASKS_PER_SLOT)), Math.ceil(configs / slots));
}

export function checkConfigsPerTask(value: unknown): ConfigsPerTask {
  if (value === 'auto' || (typeof value === 'number' && Number.isInteger(value) && value >= 1)) return value;
  throw new SlurmError(
    'SLURM_INVALID_OPTION',
    `SlurmArrayExecutor: configsPerTask must be 'auto' (the default) or a whole number ≥ 1; got ${JSON.stringify(value) ?? String(value)}.`,
  );
}

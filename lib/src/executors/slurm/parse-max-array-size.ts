/** SLURM's default MaxArraySize, used when `scontrol show config` does not say. */
export const DEFAULT_MAX_ARRAY_SIZE = 1001;

/**
 * `MaxArraySize = 1001` from `scontrol show config`. Array indices must stay below it, so
 * one array holds at most that many tasks (indices 0 … MaxArraySize-1). Undefined when the
 * line is missing or unreadable.
 */
export function parseMaxArraySize(scontrolConfig: string): number | undefined {
  const match = /^\s*MaxArraySize\s*=\s*(\d+)\s*$/m.exec(scontrolConfig);
  if (!match) return undefined;
  const value = Number(match[1]);
  return value >= 1 ? value : undefined;
}

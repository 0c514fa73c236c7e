/** `0-<n-1>` or `0-<n-1>%<max>` for `sbatch --array` (no throttle when it would not bind). */
export function arraySpec(taskCount: number, maxRunning: number): string {
  const range = taskCount === 1 ? '0' : `0-${taskCount - 1}`;
  return maxRunning < taskCount ? `${range}%${maxRunning}` : range;
}

/** Splits `items` into chunks of at most `size` (one SLURM array each). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** `"123_4"` → `{ arrayJobId: "123", taskId: 4 }`; undefined for other job ids. */
export function parseArrayTaskId(jobId: string): { arrayJobId: string; taskId: number } | undefined {
  const match = /^(\d+)_(\d+)$/.exec(jobId);
  return match ? { arrayJobId: match[1] as string, taskId: Number(match[2]) } : undefined;
}

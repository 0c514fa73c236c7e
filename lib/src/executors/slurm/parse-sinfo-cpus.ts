/** `sinfo -h -o '%P|%C'`: one line per partition, e.g. `debug*|0/2/0/2` (the default has a `*`). */
export const SINFO_CPUS_FORMAT = '%P|%C';

/**
 * The CPUs a partition can use, from `sinfo -h -o '%P|%C'`: total minus "other" (down or
 * drained) of `allocated/idle/other/total`. `partition` null reads the default partition.
 * Undefined when the partition is not listed or the line is unreadable.
 */
export function parseSinfoCpus(output: string, partition: string | null): number | undefined {
  for (const line of output.split('\n')) {
    const match = /^\s*([^|\s]+?)(\*?)\|(\d+)\/(\d+)\/(\d+)\/(\d+)\s*$/.exec(line);
    if (!match) continue;
    const [, name, star, , , other, total] = match;
    if (partition === null ? star === '*' : name === partition) {
      const usable = Number(total) - Number(other);
      return usable >= 1 ? usable : undefined;
    }
  }
  return undefined;
}

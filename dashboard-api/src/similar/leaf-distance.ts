/** A config flattened to its leaves: `path → JSON text of the value`. */
export type ConfigLeaves = ReadonlyMap<string, string>;

/** The leaves of a config (objects and arrays walked; an empty one is a leaf). */
export function configLeaves(config: unknown): ConfigLeaves {
  const leaves = new Map<string, string>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'object' && value !== null) {
      const entries = Array.isArray(value)
        ? value.map((item, index) => [`[${index}]`, item] as const)
        : Object.entries(value);
      if (entries.length > 0) {
        for (const [key, item] of entries) walk(item, key.startsWith('[') ? `${path}${key}` : `${path}.${key}`);
        return;
      }
    }
    leaves.set(path, typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? 'undefined'));
  };
  walk(config, '');
  return leaves;
}

/**
 * How many leaves differ between two configs (present on one side only, or with another
 * value): a cheap first ranking of stored configs, before the exact comparison of the nearest.
 * It reads numbers as numbers (`1` = `1.0`), so it may count fewer differences than the exact
 * rule, never more.
 */
export function leafDistance(a: ConfigLeaves, b: ConfigLeaves): number {
  let distance = 0;
  for (const [path, value] of a) if (b.get(path) !== value) distance += 1;
  for (const path of b.keys()) if (!a.has(path)) distance += 1;
  return distance;
}
